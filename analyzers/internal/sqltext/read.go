// Package sqltext reads SQL query text that is statically known: string
// constants, concatenations of them, fmt.Sprintf with a constant format, and
// local variables built from those (q := "SELECT ..."; q += " LIMIT 10").
// Parts that are not known are kept as holes, never guessed at.
//
// Read then answers what the perflint analyzers ask of a query: is it a
// SELECT, is its row count bounded (LIMIT, FETCH FIRST, TOP, a lookup by
// key, an aggregate), or can a hole hide the answer.
package sqltext

import (
	"strings"
)

// Hole stands in the text for a part that is not statically known and may
// hold any SQL (a %s argument, a concatenated variable). Value holes (%d, a
// bound number) are written as "0" instead: they cannot hold a clause.
const Hole = "\x00"

// Query is what Read learns of one query text.
type Query struct {
	Select    bool // a SELECT (possibly after WITH ...): it returns rows
	Limit     bool // LIMIT, FETCH FIRST/NEXT, TOP or ROWNUM bound the outer query
	Aggregate bool // the outer select list holds only aggregates (COUNT(*), SUM(x)): one row
	Grouped   bool // the outer query has GROUP BY: one row per group
	KeyLookup bool // the outer WHERE pins a key column (id = $1, id IN (...), id = ANY($1))
	Unknown   bool // a hole stands where a clause that bounds the query could be
}

// Unbounded reports whether the query is a SELECT that returns every
// matching row, as far as its known text tells. Queries whose text has a hole
// where a bound could hide are not.
//
// GROUP BY queries are not reported: a group key is usually a small domain
// (a status, a day, a category) and the text cannot tell which are not.
func (q Query) Unbounded() bool {
	return q.Select && !q.Limit && !q.Aggregate && !q.Grouped && !q.KeyLookup && !q.Unknown
}

// Schema reports whether text is a schema or maintenance statement (ALTER
// TABLE, CREATE INDEX, DROP, TRUNCATE, VACUUM, ANALYZE, REINDEX, REFRESH
// MATERIALIZED VIEW, GRANT…): it works on the database's own objects, one
// statement per object, and has no multi-row form.
func Schema(text string) bool {
	toks := lex(text)
	return len(toks) > 0 && schemaVerbs[toks[0].text]
}

var schemaVerbs = map[string]bool{
	"ALTER": true, "CREATE": true, "DROP": true, "TRUNCATE": true, "VACUUM": true, "ANALYZE": true,
	"REINDEX": true, "CLUSTER": true, "REFRESH": true, "GRANT": true, "REVOKE": true, "COMMENT": true,
}

// keyColumns are the column names a WHERE equality on which selects at most
// one row (or as many rows as the caller passes: id IN (...)). Foreign keys
// (user_id) are not keys: "the orders of a user" is a list.
var keyColumns = map[string]bool{"ID": true, "UUID": true, "SLUG": true, "EMAIL": true, "USERNAME": true}

// aggregates are functions that fold all rows into one value. array_agg,
// json_agg, string_agg and group_concat are not among them: they fold
// every row into one list, which is still every row in the response.
var aggregates = map[string]bool{
	"COUNT": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true,
	"BOOL_AND": true, "BOOL_OR": true, "EVERY": true,
	"EXISTS": true, "STDDEV": true, "VARIANCE": true, "BIT_AND": true, "BIT_OR": true,
}

// tok is one lexical element of a query: a word (upper-cased), a
// placeholder, a number, a symbol, or a hole.
type tok struct {
	text  string
	depth int // parenthesis depth
}

// Read reads one query text.
func Read(text string) Query {
	toks := lex(text)
	var q Query
	start := outerSelect(toks)
	if start < 0 {
		return q
	}
	q.Select = true
	var clause string // the outer clause being read: SELECT, FROM, WHERE, ...
	var selectList [][]tok
	var item []tok
	var where []tok
	for i := start; i < len(toks); i++ {
		t := toks[i]
		if t.text == Hole {
			if !holeIsHarmless(toks, i, clause) {
				q.Unknown = true
			}
			continue
		}
		if t.depth != 0 {
			switch clause {
			case "SELECT":
				item = append(item, t)
			case "WHERE":
				where = append(where, t)
			}
			continue
		}
		switch t.text {
		case "SELECT":
			if clause == "" {
				clause = "SELECT"
				continue
			}
		case "FROM", "WHERE", "HAVING", "ORDER", "WINDOW", "UNION", "INTERSECT", "EXCEPT":
			if clause == "SELECT" && len(item) > 0 {
				selectList = append(selectList, item)
				item = nil
			}
			clause = t.text
			if t.text == "UNION" || t.text == "INTERSECT" || t.text == "EXCEPT" {
				clause = "SET" // the rest is another query: its WHERE is not the outer one
			}
			continue
		case "GROUP":
			if next(toks, i) == "BY" {
				q.Grouped = true
				clause = "GROUP"
				continue
			}
		case "LIMIT", "TOP", "ROWNUM":
			q.Limit = true
		case "FETCH":
			if n := next(toks, i); n == "FIRST" || n == "NEXT" {
				q.Limit = true
			}
		}
		switch clause {
		case "SELECT":
			if t.text == "," {
				selectList = append(selectList, item)
				item = nil
			} else if t.text != "DISTINCT" && t.text != "ALL" {
				item = append(item, t)
			}
		case "WHERE":
			where = append(where, t)
		}
	}
	if clause == "SELECT" && len(item) > 0 {
		selectList = append(selectList, item)
	}
	q.Aggregate = !q.Grouped && allAggregates(selectList)
	q.KeyLookup = pinsKey(where)
	return q
}

// outerSelect returns the index of the outer query's SELECT keyword, or -1
// when the statement is not a query (INSERT, UPDATE, DELETE...).
func outerSelect(toks []tok) int {
	i := 0
	for i < len(toks) && toks[i].text == "(" {
		i++
	}
	if i >= len(toks) {
		return -1
	}
	switch toks[i].text {
	case "SELECT":
		return i
	case "WITH":
		// WITH a AS (...), b AS (...) SELECT: the first SELECT at depth 0.
		for j := i + 1; j < len(toks); j++ {
			if toks[j].depth == 0 {
				switch toks[j].text {
				case "SELECT":
					return j
				case "INSERT", "UPDATE", "DELETE":
					return -1
				}
			}
		}
	}
	return -1
}

func next(toks []tok, i int) string {
	if i+1 < len(toks) {
		return toks[i+1].text
	}
	return ""
}

// holeIsHarmless reports whether the hole at i stands where no bounding
// clause can be: a column list, a table name, a value in a comparison.
func holeIsHarmless(toks []tok, i int, clause string) bool {
	if i == 0 {
		return false
	}
	prev := toks[i-1].text
	switch prev {
	case "SELECT", "FROM", "JOIN", "INTO", "UPDATE", ",", ".", "=", "<", ">", "<=", ">=", "<>", "!=", "(", "IN", "LIKE", "ILIKE", "AS", "DISTINCT":
		return true
	}
	return clause == "SELECT" && toks[i].depth > 0
}

// allAggregates reports whether every item of the select list is an
// aggregate call (or a constant), so the query returns one row.
func allAggregates(items [][]tok) bool {
	if len(items) == 0 {
		return false
	}
	for _, it := range items {
		if len(it) == 0 {
			return false
		}
		if !aggregates[it[0].text] && !isNumber(it[0].text) {
			return false
		}
	}
	return true
}

// pinsKey reports whether the outer WHERE clause (its depth-0 tokens plus
// nested ones) has, at depth 0 and with no OR at depth 0, a comparison of a
// key column by equality or membership.
func pinsKey(where []tok) bool {
	for _, t := range where {
		if t.depth == 0 && t.text == "OR" {
			return false
		}
	}
	for i := 0; i+1 < len(where); i++ {
		if where[i].depth != 0 || !keyColumns[column(where, i)] {
			continue
		}
		switch where[i+1].text {
		case "=":
			return true
		case "IN": // id IN ($1, $2), not id IN (SELECT ...)
			return i+3 < len(where) && where[i+3].text != "SELECT"
		}
	}
	return false
}

// column returns the unqualified column name ending at i (t.id -> ID).
func column(toks []tok, i int) string {
	return strings.Trim(toks[i].text, "\"`[]")
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// lex splits text into tokens, upper-casing words and dropping string
// literals and comments (a hole inside a literal is only a value).
func lex(text string) []tok {
	var toks []tok
	depth := 0
	emit := func(s string) { toks = append(toks, tok{s, depth}) }
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'':
			j := i + 1
			for j < len(text) {
				if text[j] == '\'' {
					if j+1 < len(text) && text[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			emit("'…'")
			i = j + 1
		case c == '-' && i+1 < len(text) && text[i+1] == '-':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			end := strings.Index(text[i+2:], "*/")
			if end < 0 {
				return toks
			}
			i += end + 4
		case c == '(':
			emit("(")
			depth++
			i++
		case c == ')':
			if depth > 0 {
				depth--
			}
			emit(")")
			i++
		case c == Hole[0]:
			emit(Hole)
			i++
		case isWordByte(c) || c == '"' || c == '`' || c == '[':
			j := i + 1
			if c == '"' || c == '`' || c == '[' {
				closer := c
				if c == '[' {
					closer = ']'
				}
				for j < len(text) && text[j] != closer {
					j++
				}
				j++
			} else {
				for j < len(text) && isWordByte(text[j]) {
					j++
				}
			}
			if j > len(text) {
				j = len(text)
			}
			emit(strings.ToUpper(text[i:j]))
			i = j
		case c == '$' || c == '?' || c == ':' || c == '@':
			j := i + 1
			for j < len(text) && isWordByte(text[j]) {
				j++
			}
			if c == ':' && j == i+1 { // a :: cast
				for j < len(text) && text[j] == ':' {
					j++
				}
			}
			emit("$")
			i = j
		case c == '<' || c == '>' || c == '!':
			if i+1 < len(text) && (text[i+1] == '=' || text[i+1] == '>') {
				emit(text[i : i+2])
				i += 2
			} else {
				emit(text[i : i+1])
				i++
			}
		default:
			emit(text[i : i+1])
			i++
		}
	}
	return toks
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
