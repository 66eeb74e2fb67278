package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
)

// TraceEvent is what the analyzer decided about one payload candidate, or about a
// package with none, for deepseekvet -v. Config.Trace receives them.
type TraceEvent struct {
	Package string         // import path of the package analysed
	Pos     token.Position // where the candidate is; for a package event, invalid
	// What names the candidate: "map literal map[string]any", "struct literal
	// chat.Request", "JSON text", "payload type chat.Request"; "" for a package.
	What string
	// Endpoint is the schema the candidate is checked against; "" when it is
	// skipped (or for a package event).
	Endpoint schema.Endpoint
	// Reason says why it was bound to that endpoint, or why it was skipped.
	Reason string
}

// EndpointName describes a schema root for people.
func EndpointName(ep schema.Endpoint) string {
	switch ep {
	case schema.Chat:
		return "chat completions (base URL not shown: beta features allowed)"
	case schema.ChatNonBeta:
		return "chat completions (non-beta base URL)"
	case schema.ChatBeta:
		return "chat completions (beta base URL)"
	case schema.FIM:
		return "FIM completions (beta)"
	case schema.FIMNonBeta:
		return "FIM completions (non-beta base URL)"
	case schema.Anthropic:
		return "Anthropic messages (/anthropic)"
	}
	file, _, _ := strings.Cut(string(ep), ".schema.json")
	return string(ep) + " (" + file + ")"
}

// tracePackage reports a package in which no candidate was checked.
func (cfg *Config) tracePackage(pass *analysis.Pass, reason string) {
	if cfg.Trace != nil {
		cfg.Trace(TraceEvent{Package: pass.Pkg.Path(), Reason: reason})
	}
}

// traceSite reports what the binder decided about a site, with the reason.
func (cfg *Config) traceSite(b *binder, s *site, ep schema.Endpoint, bound bool) {
	if cfg.Trace == nil {
		return
	}
	e := TraceEvent{Package: b.pass.Pkg.Path(), Pos: b.pass.Fset.Position(s.root.Pos()), What: siteKind(b.pass, s)}
	if bound {
		e.Endpoint = ep
	}
	e.Reason = b.explain(s, bound)
	cfg.Trace(e)
}

// traceType reports a payload type checked because a function sending to
// DeepSeek uses it.
func (cfg *Config) traceType(pass *analysis.Pass, tn *types.TypeName, ep schema.Endpoint) {
	if cfg.Trace != nil {
		cfg.Trace(TraceEvent{Package: pass.Pkg.Path(), Pos: pass.Fset.Position(tn.Pos()), What: "payload type " + tn.Name(), Endpoint: ep,
			Reason: "a function of this package that sends to DeepSeek uses it; its declaration is checked"})
	}
}

func siteKind(pass *analysis.Pass, s *site) string {
	typ := ""
	if s.typ != nil {
		typ = " " + types.TypeString(s.typ, types.RelativeTo(pass.Pkg))
	}
	switch root := s.root.(type) {
	case *ast.CompositeLit:
		if _, ok := types.Unalias(deref(s.typ)).Underlying().(*types.Struct); ok {
			return "struct literal" + typ
		}
		if s.typ != nil {
			if _, ok := types.Unalias(s.typ).Underlying().(*types.Map); ok {
				return "map literal" + typ
			}
		}
		return "literal" + typ
	case *ast.BasicLit:
		return "JSON text"
	case *ast.CallExpr:
		return "call " + types.ExprString(root.Fun)
	}
	if s.text {
		return "JSON text"
	}
	if s.obj != nil {
		return "variable " + s.obj.Name() + typ
	}
	return "value" + typ
}

// explain says why the binder bound a site or skipped it. It asks the binder's
// signals in the order target weighs them: a directive, whether the value is sent
// at all, the URLs reaching the enclosing function, the binding of the payload's
// type, the model constants.
func (b *binder) explain(s *site, bound bool) string {
	if d := directiveOf(b.pass, s); d != "" {
		return fmt.Sprintf("a //deepseekvet:payload directive (%s)", d)
	}
	if !bound && !maySend(b.pass, b.flow, s) {
		return "every way out of its function is a file, a log or a response, never a request"
	}
	fn := "the package-level declaration"
	class := endpointClass(0)
	if s.fn != nil {
		fn = "the function"
		if fd, ok := s.fn.(*ast.FuncDecl); ok {
			fn = "function " + fd.Name.Name
		}
		class = b.classOf(s.fn)
	}
	var tclass endpointClass
	tn := namedOf(s.typ)
	if tn != nil {
		tclass = b.typeBinding(tn)
	}
	deepseek, other := b.modelsOf(s.value)
	model, isConst := s.value.stringConst("model")
	var modelSays string
	switch {
	case isConst && deepseek:
		modelSays = fmt.Sprintf("its model %q is a DeepSeek model", model)
	case isConst && other:
		modelSays = fmt.Sprintf("its model %q is not a DeepSeek model", model)
	case deepseek && other:
		modelSays = "its model may be a DeepSeek model or another provider's"
	case deepseek:
		modelSays = "every constant its model may be names a DeepSeek model"
	case other:
		modelSays = "no constant its model may be names a DeepSeek model"
	default:
		modelSays = "its model is not a constant"
	}
	if bound {
		switch {
		case class&toDeepSeek != 0 && class&toOther != 0:
			return fmt.Sprintf("%s sends to DeepSeek (%s) and to another host; %s", fn, class&^toOther, modelSays)
		case class&toDeepSeek != 0:
			return fmt.Sprintf("a DeepSeek URL (%s) reaches %s", class, fn)
		case tclass&toDeepSeek != 0:
			return fmt.Sprintf("its type %s is bound to DeepSeek (%s) by the code that sends it", tn.Name(), tclass)
		}
		return modelSays
	}
	switch {
	case class&toOther != 0 && class&toDeepSeek != 0 && class&(urlKnown|toAnthropic|toResponses) == 0:
		return fmt.Sprintf("%s uses an SDK client whose DeepSeek default is overridden by another base URL, so only the model could bind it, and %s", fn, modelSays)
	case class&toOther != 0 && class&toDeepSeek == 0:
		return fmt.Sprintf("%s sends to another host (%s)", fn, class)
	case tclass&toOther != 0 && tclass&toDeepSeek == 0:
		return fmt.Sprintf("its type %s is sent to another host", tn.Name())
	case class&toDeepSeek != 0 || tclass&toDeepSeek != 0:
		return fmt.Sprintf("it goes to DeepSeek but not to an endpoint its shape belongs to, or another host's client is used; %s", modelSays)
	}
	return fmt.Sprintf("no DeepSeek URL reaches %s, its type is not bound to DeepSeek, and %s", fn, modelSays)
}
