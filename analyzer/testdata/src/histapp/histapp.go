// Package histapp runs tool loops over histlib's clients.
package histapp

import (
	"histlib"
	"histmid"
)

var tools = []histlib.Tool{{Type: "function", Function: map[string]any{"name": "lookup"}}}

// step keeps the history in the parameters it passes on: the assistant turn it
// appends has no reasoning_content.
func step(input string, p histlib.Params, calls []histlib.ToolCall) {
	turn := histlib.Message{Role: "assistant", ToolCalls: calls} // want `.*reasoning_content.*\(DS204\)`
	p.History = append(p.History, turn)
	histlib.Send(input, p) // the tools were set where p was made: the model called one
}

// namesOnly sends tool names where DeepSeek wants tool objects.
func namesOnly(p histlib.Params) {
	p.Tools = []any{"lookup"} // want `tools\[\?\]: DeepSeek rejects a JSON string here.*\(DS103\)`
	histlib.Send("", p)
}

// loop replays the model's own message, whose type cannot carry the reasoning.
func loop(c *histlib.Client, q string) error {
	history := []histlib.Message{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		resp, err := c.Chat(history, tools)
		if err != nil {
			return err
		}
		history = append(history, resp.Choices[0].Message) // want `.*reasoning_content.*\(DS204\)`
	}
	return nil
}

// quiet sends the same turns with thinking off: nothing to pass back.
func quiet(c *histlib.Client, q string, calls []histlib.ToolCall) {
	history := []histlib.Message{{Role: "user", Content: q}, {Role: "assistant", ToolCalls: calls}}
	c.ChatQuiet(history, tools)
}

// plain has no assistant turn in what it sends.
func plain(c *histlib.Client, q string) {
	c.Chat([]histlib.Message{{Role: "user", Content: q}}, nil)
}

// viaMiddle hands its conversation to a package that passes it on to histlib.
func viaMiddle(q string, calls []histlib.ToolCall) {
	hist := []any{histlib.Message{Role: "user", Content: q}}
	hist = append(hist, histlib.Message{Role: "assistant", ToolCalls: calls}) // want `.*reasoning_content.*\(DS204\)`
	histmid.Ask(q, hist, []any{tools[0]})
}

// chatter is any client: the loop reaches histlib's through the interface.
type chatter interface {
	Chat(msgs []histlib.Message, tools []histlib.Tool) (*histlib.Response, error)
}

func loopAny(c chatter, q string, calls []histlib.ToolCall) {
	msgs := []histlib.Message{{Role: "user", Content: q}}
	msgs = append(msgs, histlib.Message{Role: "assistant", ToolCalls: calls}) // want `.*reasoning_content.*\(DS204\)`
	c.Chat(msgs, tools)
}
