package traps

import (
	"bytes"
	"log"
	"log/slog"
	"strings"
)

// An import session keeps its log in memory for the user to read back: a report being built, not the process log.
type session struct {
	buf *bytes.Buffer
	log *log.Logger
}

func newSession() *session {
	b := &bytes.Buffer{}
	return &session{buf: b, log: log.New(b, "", log.LstdFlags)}
}

func (s *session) listCSVs(names []string) []string {
	var out []string
	for _, n := range names {
		if !strings.HasSuffix(n, ".csv") {
			s.log.Printf("skipping %s", n)
			continue
		}
		out = append(out, n)
	}
	return out
}

func summary(items []string) string {
	var sb strings.Builder
	l := slog.New(slog.NewTextHandler(&sb, nil))
	for _, it := range items {
		l.Info("item", "name", it)
	}
	return sb.String()
}

// A logger that is sometimes given a buffer and sometimes the terminal
// writes to the terminal too.
type job struct{ log *log.Logger }

func newJob(debug bool, buf *bytes.Buffer) *job {
	if debug {
		return &job{log: log.New(buf, "", 0)}
	}
	return &job{log: log.Default()}
}

func (j *job) run(items []string) {
	for _, it := range items {
		j.log.Printf("item %s", it) // want `\(\*log.Logger\).Printf inside a loop writes a log line per iteration`
	}
}
