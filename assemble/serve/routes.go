package serve

import "net/http"

func (s *Server) routes() {
	m := http.NewServeMux()
	m.Handle("GET /assets/", s.static())
	m.HandleFunc("GET /", s.home)
	m.HandleFunc("GET /p/{id}/{$}", s.start)
	m.HandleFunc("GET /p/{id}/edit/{page}", s.edit)
	m.HandleFunc("POST /p/{id}/edit/{page}", s.saveEdit)
	m.HandleFunc("POST /p/{id}/validate", s.validateLive)
	m.HandleFunc("GET /p/{id}/check", s.checkPage)
	m.HandleFunc("GET /p/{id}/preview", s.previewPage)
	m.HandleFunc("GET /p/{id}/preview/file/{name}", s.previewFile)
	m.HandleFunc("GET /p/{id}/sources", s.sourcesPage)
	m.HandleFunc("GET /p/{id}/compare", s.comparePage)
	m.HandleFunc("POST /p/{id}/compare", s.compareRun)
	m.HandleFunc("POST /p/{id}/compare/changes", s.compareChanges)
	m.HandleFunc("GET /p/{id}/build", s.buildPage)
	m.HandleFunc("POST /p/{id}/build", s.buildStart)
	m.HandleFunc("GET /jobs/{job}", s.jobStatus)
	m.HandleFunc("GET /jobs/{job}/download", s.jobDownload)
	m.HandleFunc("GET /verify", s.verifyPage)
	m.HandleFunc("POST /verify", s.verifyRun)
	s.mux = m
}
