package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/objectpath"
)

// Bodies whose values travel through more than one package. The builder's
// importer may only pass a conversation on (providers.NewRequest(input, params)
// calls deepseek.NewRequest(input, params)); the package that grows it
// (params.History = append(params.History, assistantTurn)) imports the one in the
// middle. A package that hands its own parameters to a builder's holes builds
// that body too, for its importers: it passes the fact on.

// suppliedElems adds to an array the elements this package gives it where the
// builder takes them from a parameter, a field of one or an exported field: the
// turns a tool loop here appends to the conversation it passes
// (params.History = append(params.History, assistantTurn); client.Chat(history)).
func (r *reporter) suppliedElems(v *Value, p portableValue, pkg *types.Package, fl *flow, supplied map[string][]*Value) {
	sups, _ := r.originSupplies(p, pkg, fl)
	for _, pf := range p.ParamFields {
		obj, err := objectpath.Object(pkg, objectpath.Path(pf[0]))
		if err != nil {
			continue
		}
		if f, _, _ := types.LookupFieldOrMethod(obj.Type(), true, obj.Pkg(), pf[1]); f != nil {
			sups = append(sups, r.supplies(f)...) // what this package writes to the field itself
		}
	}
	var elems []*Value
	for _, sup := range sups {
		if sup.fn == nil || sup.fn.Body == nil {
			continue
		}
		l := newLowerer(r.pass, sup.fn.Body, fl)
		if l.testFile(sup.expr.Pos()) {
			continue // a test's stub conversation (Tools: []any{"dummy"}) is not sent
		}
		if a := l.expr(sup.expr); a.Kind == Array && len(a.Elems) > 0 {
			elems = append(elems, a.Elems...)
			if !v.Pos.IsValid() {
				v.Pos, v.End = sup.expr.Pos(), sup.expr.End() // a key set here is reported where it is set
			}
		}
	}
	if len(elems) == 0 {
		return
	}
	v.Kind, v.Types, v.Elems = Array, nil, append(v.Elems, elems...)
	v.Open, v.UnknownBefore = true, true
	supplied[strings.Join(append(p.Origins, "elements"), ",")] = elems
}

// passOn re-exports an imported body whose holes this package fills from its own
// parameters, exported fields or fields of its parameters, with the holes moved
// onto them. It reports false when this package fills no hole that way.
func (r *reporter) passOn(pb portableBody, pkg *types.Package, fl *flow) (portableBody, bool) {
	if r.pass.Pkg.Name() == "main" || len(pb.DestOrigins) > 0 {
		return pb, false
	}
	moved := false
	var walk func(p portableValue) portableValue
	walk = func(p portableValue) portableValue {
		out := p
		out.Origins, out.ParamFields, out.Members, out.Elems = nil, nil, nil, nil
		sups, whole := r.originSupplies(p, pkg, fl)
		for _, w := range whole {
			// The whole argument is this package's parameter: its field is read
			// at the same name.
			for _, o := range fl.of(w.arg.expr).Origins {
				if !o.IsField() && o.Pkg() == r.pass.Pkg {
					if path, err := objectpath.For(o); err == nil {
						out.ParamFields = append(out.ParamFields, [2]string{string(path), w.field})
						moved = true
					}
				}
			}
		}
		for _, sup := range sups {
			c := fl.of(sup.expr)
			for _, o := range c.Origins {
				if o.Pkg() != r.pass.Pkg {
					continue
				}
				if path, err := objectpath.For(o); err == nil {
					out.Origins = append(out.Origins, string(path))
					moved = true
				}
			}
			for _, pf := range c.ParamFields {
				if pf.Param.Pkg() != r.pass.Pkg {
					continue
				}
				if path, err := objectpath.For(pf.Param); err == nil {
					out.ParamFields = append(out.ParamFields, [2]string{string(path), pf.Field})
					moved = true
				}
			}
		}
		for _, m := range p.Members {
			m.Value = walk(m.Value)
			out.Members = append(out.Members, m)
		}
		for _, e := range p.Elems {
			out.Elems = append(out.Elems, walk(e))
		}
		return out
	}
	pb.Body = walk(pb.Body)
	return pb, moved
}

// fieldArg is an argument passed whole for a parameter whose field a body reads.
type fieldArg struct {
	arg   supply
	field string
}

// originSupplies lists what this package gives a portable hole's origins: the
// arguments and values for each parameter or exported field, and for each field
// of a parameter the argument's value for it (Params{History: history}), or,
// when the argument is not such a literal, the argument whole.
func (r *reporter) originSupplies(p portableValue, pkg *types.Package, fl *flow) (sups []supply, whole []fieldArg) {
	for _, path := range p.Origins {
		if obj, err := objectpath.Object(pkg, objectpath.Path(path)); err == nil {
			sups = append(sups, r.supplies(obj)...)
		}
	}
	for _, pf := range p.ParamFields {
		obj, err := objectpath.Object(pkg, objectpath.Path(pf[0]))
		if err != nil {
			continue
		}
		for _, sup := range r.supplies(obj) {
			if e := fieldValue(r.pass, fl, sup.expr, pf[1]); e != nil {
				sups = append(sups, supply{e, sup.fn, sup.call})
			} else {
				whole = append(whole, fieldArg{sup, pf[1]})
			}
		}
	}
	return sups, whole
}
