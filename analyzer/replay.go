package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// A tool loop replays the model's own message: history = append(history,
// resp.Choices[0].Message). That value is the response's message, so its role is
// "assistant" and its keys are the ones its Go type declares. A type without
// reasoning_content drops the model's reasoning, which DeepSeek needs back when
// tools are sent in thinking mode.

// replayedMessage lowers x.Choices[i].Message, read from a chat completion
// response, as the assistant message its type sends back.
func (l *lowerer) replayedMessage(e ast.Expr) *Value {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || jsonNameOf(l.pass, sel) != "message" {
		return nil
	}
	idx, ok := ast.Unparen(sel.X).(*ast.IndexExpr)
	if !ok {
		return nil
	}
	choices, ok := ast.Unparen(idx.X).(*ast.SelectorExpr)
	if !ok || jsonNameOf(l.pass, choices) != "choices" {
		return nil
	}
	v := l.shape(l.pass.TypesInfo.TypeOf(e), 1)
	if v.Kind != Object {
		return nil
	}
	role := v.member("role")
	if role == nil || role.Value.Kind != Hole {
		return nil
	}
	role.Value = &Value{Kind: String, Const: "assistant", Pos: e.Pos(), End: e.End()}
	role.Maybe = false
	if l.flow != nil {
		kept := v.Members[:0]
		for _, m := range v.Members {
			if !m.Maybe || l.flow.responseKeys[m.Key] {
				kept = append(kept, m) // an optional field the response never fills is omitted
			}
		}
		v.Members = kept
	}
	v.Pos, v.End = e.Pos(), e.End()
	v.Replayed = true
	return v
}

// toolsOfReplay marks the tools of a request that sends the model's tool calls
// back as sent: whatever expression holds them (a parameter, a field, a local
// filled on one branch), the model called a tool, so the request that asked it
// carried tools, and the loop sends the same ones again. The assistant message
// may be the response's own (Replayed) or one the code builds from it
// (Message{Role: "assistant", ToolCalls: resp.ToolCalls}).
func toolsOfReplay(body *Value) {
	if body == nil || body.Kind != Object {
		return
	}
	tools, messages := body.member("tools"), body.member("messages")
	if tools == nil || tools.Value.Kind != Hole || messages == nil || messages.Value.Kind != Array {
		return
	}
	for _, m := range messages.Value.Elems {
		if m.Kind == Object && m.member("tool_calls") != nil && (m.Replayed || isAssistant(m)) {
			tools.Value.SomeElems, tools.Maybe = true, false
			return
		}
	}
}

// omitEmptyToolTurnContent removes the content of the assistant turns that call
// tools where their Go type omits an empty content (go-openai's message, a
// content,omitempty tag): the model's tool-call turns usually come back with no
// text, and DeepSeek rejects an assistant message without its content key.
func omitEmptyToolTurnContent(body *Value) {
	if body == nil || body.Kind != Object {
		return
	}
	messages, tools := body.member("messages"), body.member("tools")
	if messages == nil || messages.Value.Kind != Array {
		return
	}
	toolsSent := tools != nil && !tools.Maybe && (tools.Value.SomeElems || len(tools.Value.Elems) > 0)
	for _, m := range messages.Value.Elems {
		if m.Kind != Object || !(m.Replayed || isAssistant(m)) {
			continue
		}
		calls, content := m.member("tool_calls"), m.member("content")
		if calls == nil || calls.Maybe && !(m.Replayed && toolsSent) || content == nil || !content.OmitEmpty {
			continue
		}
		if v := content.Value; v.Kind == Hole || v.Kind == String && v.Const == "" {
			kept := m.Members[:0:0]
			for _, k := range m.Members {
				if k != content {
					kept = append(kept, k)
				}
			}
			m.Members = kept
			m.Omitted = append(m.Omitted, content)
		}
	}
}

// jsonNameOf is the JSON key of the struct field a selector reads, or "".
func jsonNameOf(pass *analysis.Pass, sel *ast.SelectorExpr) string {
	s, ok := pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return ""
	}
	for _, f := range jsonFields(s.Recv()) {
		if f.Var == s.Obj() {
			return f.Name
		}
	}
	return ""
}

// isAssistant reports whether a message's role is the constant "assistant".
func isAssistant(m *Value) bool {
	role := m.member("role")
	return role != nil && role.Value.Kind == String && role.Value.Const == "assistant"
}
