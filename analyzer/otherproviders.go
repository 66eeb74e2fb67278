package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// Values the code gives another provider. A map entry or a switch case under
// another provider's name (endpoints.json otherProviders) holds that provider's
// value: it still says where a value may go, but it is never judged as
// DeepSeek's.

// namesOtherProvider reports whether a map key is another provider's name
// ("gemini": "gemini-2.5-flash" in a table of default models): its value is that
// provider's, whatever request reads the table.
func (f *flow) namesOtherProvider(key ast.Expr) bool {
	tv := f.pass.TypesInfo.Types[key]
	if tv.Value == nil {
		return false
	}
	if tv.Value.Kind() == constant.String {
		return f.providers[strings.ToLower(constant.StringVal(tv.Value))]
	}
	// An enum constant (ProviderOpenAI ProviderType = iota) names its provider
	// in its identifier.
	var id *ast.Ident
	switch k := ast.Unparen(key).(type) {
	case *ast.Ident:
		id = k
	case *ast.SelectorExpr:
		id = k.Sel
	}
	if id == nil {
		return false
	}
	name := strings.ToLower(id.Name)
	if strings.Contains(name, "deepseek") {
		return false
	}
	for _, word := range identWords(id.Name) {
		if f.providers[word] {
			return true
		}
	}
	for p := range f.providers {
		if len(p) >= 5 && strings.Contains(name, p) {
			return true // ProviderOpenAI: "openai" across two words
		}
	}
	return false
}

// identWords splits a Go identifier into its lower-case words (ProviderOpenAI:
// provider, open, ai; KIND_GEMINI: kind, gemini).
func identWords(name string) []string {
	var words []string
	start := 0
	for i := 1; i <= len(name); i++ {
		if i == len(name) || name[i] == '_' || isUpper(name[i]) && !isUpper(name[i-1]) {
			if w := strings.Trim(name[start:i], "_"); w != "" {
				words = append(words, strings.ToLower(w))
			}
			start = i
		}
	}
	return words
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// otherProviderReturns lists the return statements of a function that sit in a
// switch case naming only other providers (case ProviderOpenAI: return
// ModelGPT5): what the function returns for another provider is not DeepSeek's.
func (f *flow) otherProviderReturns(fn *types.Func) map[*ast.ReturnStmt]bool {
	if m, ok := f.otherReturns[fn]; ok {
		return m
	}
	out := map[*ast.ReturnStmt]bool{}
	if f.otherReturns == nil {
		f.otherReturns = map[*types.Func]map[*ast.ReturnStmt]bool{}
	}
	f.otherReturns[fn] = out
	decl := f.decls[fn]
	if decl == nil || decl.Body == nil {
		return out
	}
	var cases []*ast.CaseClause
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CaseClause:
			if len(n.List) == 0 {
				return true
			}
			for _, e := range n.List {
				if !f.namesOtherProvider(e) {
					return true
				}
			}
			cases = append(cases, n)
		case *ast.ReturnStmt:
			for _, c := range cases {
				if c.Pos() <= n.Pos() && n.End() <= c.End() {
					out[n] = true
				}
			}
		}
		return true
	})
	return out
}

// forOther marks constants another provider's case or entry gives.
func forOther(consts []*Value) []*Value {
	out := make([]*Value, len(consts))
	for i, c := range consts {
		v := *c
		v.ForOther = true
		out[i] = &v
	}
	return out
}
