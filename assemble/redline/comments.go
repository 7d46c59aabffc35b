package redline

import (
	"path"
	"regexp"
	"strings"
)

// A changes document carries no comments, of either version. Comments are
// notes to the writer (a draft's guidance, a review copy's sources), not
// words of the document: the signatories reading the changes need none of
// them, and a comment anchored in the earlier version's deleted words
// would point at an entry of a comments part the new version does not
// have. LibreOffice 7.4 also stops, loading through its programming
// interface, any document with comments (its own too), which would stop
// the accept-all and reject-all check that proves a changes document
// right. So the comments' anchors and references are taken out of both
// versions before they are compared, and the comments parts, their
// relationships and content types out of the package.

// commentPart reports whether a part holds comments or their extensions
// (comments.xml, commentsExtended.xml, commentsIds.xml,
// commentsExtensible.xml).
func commentPart(name string) bool {
	return strings.HasPrefix(name, "word/") && strings.HasPrefix(path.Base(name), "comments") && path.Ext(name) == ".xml"
}

// isCommentMarkup reports whether a node marks a comment: a range's start
// or end, or a run holding nothing but a reference to it.
func isCommentMarkup(n *node) bool {
	switch n.name {
	case "w:commentRangeStart", "w:commentRangeEnd":
		return true
	case "w:r":
		found := false
		for _, k := range n.kids {
			switch k.name {
			case "w:rPr", "":
			case "w:commentReference":
				found = true
			default:
				return false
			}
		}
		return found
	}
	return false
}

// dropComments takes every comment mark out of a tree; a reference inside
// a run with other content leaves the run.
func dropComments(n *node) {
	kids := n.kids[:0]
	for _, k := range n.kids {
		if isCommentMarkup(k) || k.name == "w:commentReference" {
			continue
		}
		dropComments(k)
		kids = append(kids, k)
	}
	n.kids = kids
}

var (
	commentRelRe  = regexp.MustCompile(`<Relationship [^>]*Target="comments[A-Za-z]*\.xml"[^>]*/>`)
	commentTypeRe = regexp.MustCompile(`<Override [^>]*PartName="/word/comments[A-Za-z]*\.xml"[^>]*/>`)
)

// withoutCommentParts edits the package parts that name the comments
// parts: the main part's relationships and the content types.
func withoutCommentParts(name string, b []byte) ([]byte, bool) {
	switch name {
	case "word/_rels/document.xml.rels":
		return commentRelRe.ReplaceAll(b, nil), true
	case "[Content_Types].xml":
		return commentTypeRe.ReplaceAll(b, nil), true
	}
	return b, false
}
