package serve

import (
	"crypto/subtle"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
)

// The guard is why a page of this app cannot be driven by any other web
// page the user has open, nor by a name that resolves to 127.0.0.1 (DNS
// rebinding):
//
//   - the Host header must be an address the server listens on, so a page
//     served from evil.example that rebinds its name to 127.0.0.1 gets 403;
//   - a request that changes anything (any method but GET and HEAD) must
//     come from the app's own origin (Origin, else Sec-Fetch-Site) and
//     carry the session token in a form field or header, so a cross-site
//     form post gets 403;
//   - every request must carry the session cookie, which only the address
//     the server printed (with ?token=) sets, SameSite=Strict and HttpOnly.

const (
	cookieName = "mou_session"
	tokenField = "csrf"
	tokenHead  = "X-Mou-Token"
	// maxBody bounds what a request may send: a data file is at most
	// partnership.MaxFileBytes, a built document a few megabytes.
	maxBody = 32 << 20
)

func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts[strings.ToLower(r.Host)] {
			s.refuse(w, r, "this address is not the one the app serves (Host "+r.Host+")")
			return
		}
		if tok := r.URL.Query().Get("token"); tok != "" && r.Method == http.MethodGet {
			if !s.isToken(tok) {
				s.refuse(w, r, "the token in the address is not this session's: open the address the server printed when it started")
				return
			}
			http.SetCookie(w, &http.Cookie{Name: cookieName, Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q := r.URL.Query()
			q.Del("token")
			u := *r.URL
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		c, err := r.Cookie(cookieName)
		if err != nil || !s.isToken(c.Value) {
			s.refuse(w, r, "this browser has not opened the app's address yet: open the address the server printed when it started (it ends in ?token=…)")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if !s.sameOrigin(r) {
				s.refuse(w, r, "the request came from another web site")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
			if !s.isToken(r.Header.Get(tokenHead)) && !s.isToken(formToken(r)) {
				s.refuse(w, r, "the page is out of date or came from elsewhere: reload it and try again")
				return
			}
		}
		h := w.Header()
		// The app's pages load only their own script and style; the
		// preview frame's edition pages carry their pictures as data URIs.
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// formToken reads the token field of a form post without consuming a
// multipart body the handler still needs.
func formToken(r *http.Request) string {
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "multipart/form-data") {
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return ""
		}
		return r.FormValue(tokenField)
	}
	if strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		return r.PostFormValue(tokenField)
	}
	return ""
}

func (s *Server) isToken(t string) bool {
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// sameOrigin reports whether a changing request comes from the app's own
// pages: its Origin is one of the served addresses or, for a browser
// that sends none, Sec-Fetch-Site says same-origin.
func (s *Server) sameOrigin(r *http.Request) bool {
	// A page under Referrer-Policy no-referrer or same-origin may send
	// "Origin: null" on a form post: Sec-Fetch-Site then says where it
	// came from.
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		return err == nil && u.Scheme == "http" && s.hosts[strings.ToLower(u.Host)]
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return false
}

func (s *Server) refuse(w http.ResponseWriter, r *http.Request, why string) {
	if s.cfg.Log != nil {
		fmt.Fprintf(s.cfg.Log, "refused %s %s: %s\n", r.Method, r.URL.Path, why)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Not allowed</title></head><body><main><h1>Not allowed</h1><p>Forbidden: %s.</p><p>If you were editing, your typing is still in the other tab: go back, copy it, open the address the app printed when it started, and paste it in again.</p></main></body></html>`, html.EscapeString(why))
}
