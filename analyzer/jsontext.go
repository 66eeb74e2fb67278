package analyzer

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseJSONText lowers JSON text to a Value. pos maps a byte offset of text to a
// source position; keyFormat renders a renamed key as the source spells it (empty
// when keys cannot be renamed in place).
func parseJSONText(text string, pos func(int) token.Pos, keyFormat string) (*Value, error) {
	p := &jsonParser{s: text, pos: pos, keyFormat: keyFormat}
	p.skip()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skip()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("offset %d: trailing text after JSON value", p.i)
	}
	return v, nil
}

type jsonParser struct {
	s         string
	i         int
	pos       func(int) token.Pos
	keyFormat string
	// format reads the text as a fmt format: a verb where a value goes (%d, %s,
	// %q) or inside a string is a value the code fills in at run time.
	format bool
}

// parseJSONFormat lowers a fmt.Sprintf format that spells a JSON value.
func parseJSONFormat(text string, pos func(int) token.Pos) (*Value, error) {
	p := &jsonParser{s: text, pos: pos, format: true}
	p.skip()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skip()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("offset %d: trailing text after JSON value", p.i)
	}
	return v, nil
}

// verb reads a fmt verb (%d, %.2f, %s) and the JSON types it may print.
func (p *jsonParser) verb() ([]string, bool) {
	j := p.i + 1
	for j < len(p.s) && strings.IndexByte("+-# 0123456789.", p.s[j]) >= 0 {
		j++
	}
	if j >= len(p.s) {
		return nil, false
	}
	var types []string
	switch p.s[j] {
	case 'd':
		types = []string{"integer"}
	case 'f', 'g', 'e':
		types = []string{"number"}
	case 't':
		types = []string{"boolean"}
	case 'q':
		types = []string{"string"}
	case 's', 'v':
		types = nil // whatever the argument prints: JSON of any type
	default:
		return nil, false
	}
	p.i = j + 1
	return types, true
}

// maxJSONDepth bounds nesting so hostile input cannot exhaust the stack.
const maxJSONDepth = 200

func (p *jsonParser) skip() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *jsonParser) value() (*Value, error) { return p.valueDepth(0) }

func (p *jsonParser) valueDepth(depth int) (*Value, error) {
	if depth > maxJSONDepth {
		return nil, p.errorf("nesting deeper than %d", maxJSONDepth)
	}
	if p.i >= len(p.s) {
		return nil, p.errorf("unexpected end of JSON")
	}
	start := p.i
	v := &Value{Pos: p.pos(start)}
	switch c := p.s[p.i]; {
	case c == '{':
		v.Kind = Object
		p.i++
		p.skip()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			break
		}
		for {
			p.skip()
			keyStart := p.i
			key, err := p.str()
			if err != nil {
				return nil, err
			}
			m := &Member{Key: key, KeyPos: p.pos(keyStart), KeyEnd: p.pos(p.i)}
			if p.keyFormat != "" && p.s[keyStart:p.i] == strconv.Quote(key) {
				m.Rename = &Edit{Pos: m.KeyPos, End: m.KeyEnd, NewText: p.keyFormat}
			}
			p.skip()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return nil, p.errorf("expected ':' after object key")
			}
			p.i++
			p.skip()
			if m.Value, err = p.valueDepth(depth + 1); err != nil {
				return nil, err
			}
			v.set(m)
			p.skip()
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.s) && p.s[p.i] == '}' {
				p.i++
				break
			}
			return nil, p.errorf("expected ',' or '}' in object")
		}
	case c == '[':
		v.Kind = Array
		p.i++
		p.skip()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			break
		}
		for {
			p.skip()
			e, err := p.valueDepth(depth + 1)
			if err != nil {
				return nil, err
			}
			v.Elems = append(v.Elems, e)
			p.skip()
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.s) && p.s[p.i] == ']' {
				p.i++
				break
			}
			return nil, p.errorf("expected ',' or ']' in array")
		}
	case c == '%' && p.format:
		types, ok := p.verb()
		if !ok {
			return nil, p.errorf("unexpected %%")
		}
		v.Kind, v.Types = Hole, types
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		v.Kind, v.Const = String, s
		if p.format && strings.Contains(strings.ReplaceAll(s, "%%", ""), "%") {
			v.Kind, v.Const, v.Types = Hole, nil, []string{"string"} // "…%s…": filled in at run time
			break
		}
		if p.keyFormat != "" && p.s[start:p.i] == strconv.Quote(s) {
			v.Replace = &Edit{Pos: p.pos(start), End: p.pos(p.i), NewText: p.keyFormat}
		}
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []struct {
			text string
			kind Kind
			val  any
		}{{"true", Bool, true}, {"false", Bool, false}, {"null", Null, nil}} {
			if len(p.s)-p.i >= len(lit.text) && p.s[p.i:p.i+len(lit.text)] == lit.text {
				p.i += len(lit.text)
				v.Kind, v.Const = lit.kind, lit.val
				v.End = p.pos(p.i)
				return v, nil
			}
		}
		return nil, p.errorf("invalid literal")
	case c == '-' || c >= '0' && c <= '9':
		for p.i < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '+' || p.s[p.i] == '.' || p.s[p.i] == 'e' || p.s[p.i] == 'E' || p.s[p.i] >= '0' && p.s[p.i] <= '9') {
			p.i++
		}
		num := json.Number(p.s[start:p.i])
		if !json.Valid([]byte(num)) {
			return nil, p.errorf("invalid number %q", num)
		}
		v.Kind, v.Const = Number, num
	default:
		return nil, p.errorf("unexpected character %q", c)
	}
	v.End = p.pos(p.i)
	return v, nil
}

// str reads a JSON string token.
func (p *jsonParser) str() (string, error) {
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return "", p.errorf("expected string")
	}
	start := p.i
	p.i++
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case '\\':
			p.i += 2
			continue
		case '"':
			p.i++
			var out string
			if err := json.Unmarshal([]byte(p.s[start:p.i]), &out); err != nil {
				return "", fmt.Errorf("offset %d: %v", start, err)
			}
			return out, nil
		}
		p.i++
	}
	return "", p.errorf("unterminated string")
}

// stringLitPositions returns a string literal's value, a function mapping byte
// offsets of the value to source positions (for raw and interpreted literals alike),
// and the format that spells a JSON key inside the literal.
func stringLitPositions(lit *ast.BasicLit) (string, func(int) token.Pos, string, bool) {
	value, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "", nil, "", false
	}
	base := lit.Pos() + 1
	keyFormat := `\"%s\"`
	if lit.Value[0] == '`' {
		keyFormat = `"%s"`
		// Raw strings lose carriage returns; without any, offsets match.
		src := lit.Value[1 : len(lit.Value)-1]
		if len(src) == len(value) {
			return value, func(off int) token.Pos { return base + token.Pos(off) }, keyFormat, true
		}
	}
	// Walk the source, recording where each value byte came from.
	offsets := make([]int, 0, len(value)+1)
	src := lit.Value[1 : len(lit.Value)-1]
	for i := 0; i < len(src); {
		if lit.Value[0] == '`' {
			if src[i] == '\r' {
				i++
				continue
			}
			offsets = append(offsets, i)
			i++
			continue
		}
		r, multibyte, tail, err := strconv.UnquoteChar(src[i:], '"')
		if err != nil {
			return "", nil, "", false
		}
		n := 1
		if multibyte && r >= utf8.RuneSelf {
			n = utf8.RuneLen(r)
		}
		for k := 0; k < n; k++ {
			offsets = append(offsets, i)
		}
		i = len(src) - len(tail)
	}
	offsets = append(offsets, len(src))
	return value, func(off int) token.Pos {
		if off >= len(offsets) {
			off = len(offsets) - 1
		}
		return base + token.Pos(offsets[off])
	}, keyFormat, true
}
