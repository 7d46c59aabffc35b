package wordtemplate

import "strings"

// itemKind says what the lexer found.
type itemKind int

const (
	itemText  itemKind = iota
	itemTag            // {{ … }}: val is the text between the braces
	itemError          // val is the message
)

// item is a piece of a paragraph's visible text, with its byte offsets in
// that text (which the normaliser maps back to runs).
type item struct {
	kind       itemKind
	val        string
	start, end int
	errID      string
}

// lexer turns a paragraph's visible text into items. Like text/template's
// lexer it is a small state machine: each state returns the next.
type lexer struct {
	input string
	pos   int // current position
	start int // start of the current item
	items []item
}

type stateFn func(*lexer) stateFn

const (
	leftDelim  = "{{"
	rightDelim = "}}"
)

func lex(input string) []item {
	l := &lexer{input: input}
	for state := lexText; state != nil; {
		state = state(l)
	}
	return l.items
}

func (l *lexer) emit(k itemKind, val string) {
	l.items = append(l.items, item{kind: k, val: val, start: l.start, end: l.pos})
	l.start = l.pos
}

func (l *lexer) errorf(id, msg string) {
	l.items = append(l.items, item{kind: itemError, val: msg, start: l.start, end: l.pos, errID: id})
	l.start = l.pos
}

// lexText scans text up to the next "{{"; a "}}" found first is an error.
func lexText(l *lexer) stateFn {
	rest := l.input[l.pos:]
	open := strings.Index(rest, leftDelim)
	closeAt := strings.Index(rest, rightDelim)
	if closeAt >= 0 && (open < 0 || closeAt < open) {
		l.pos += closeAt
		if l.pos > l.start {
			l.emit(itemText, l.input[l.start:l.pos])
		}
		l.pos += len(rightDelim)
		l.errorf(ErrStrayClose, "}} without a matching {{")
		return lexText
	}
	if open < 0 {
		l.pos = len(l.input)
		if l.pos > l.start {
			l.emit(itemText, l.input[l.start:l.pos])
		}
		return nil
	}
	l.pos += open
	if l.pos > l.start {
		l.emit(itemText, l.input[l.start:l.pos])
	}
	return lexTag
}

// lexTag scans from "{{" to the matching "}}", skipping quoted arguments.
func lexTag(l *lexer) stateFn {
	i := l.pos + len(leftDelim)
	var quote byte
	for i < len(l.input) {
		c := l.input[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case strings.HasPrefix(l.input[i:], rightDelim):
			l.pos = i + len(rightDelim)
			l.emit(itemTag, l.input[l.start+len(leftDelim):i])
			return lexText
		case strings.HasPrefix(l.input[i:], leftDelim):
			// A new tag starts before this one closed.
			l.pos = i
			l.errorf(ErrUnclosedTag, "the tag "+abbreviate(l.input[l.start:i], 40)+" is not closed with }}")
			return lexTag
		}
		i++
	}
	l.pos = len(l.input)
	l.errorf(ErrUnclosedTag, "the tag "+abbreviate(l.input[l.start:], 40)+" is not closed with }} before the end of the paragraph")
	return nil
}
