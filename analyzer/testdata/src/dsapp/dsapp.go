// Package dsapp picks the model and options of a client another package builds // want package:`bodies:\(\*dsclient.Client\).Ask@chat`
// the request in.
package dsapp

import (
	"bytes"
	"encoding/json"
	"net/http"

	"dsclient"
	"llmtypes"
)

func Run() error { // want Run:"deepseek:chat"
	c := dsclient.New("deepseek-chat", dsclient.Options{Temperature: 2.5, Label: "deepseek-chat"}) // want `model: model "deepseek-chat" was retired.*\(DS102\)` `temperature: 2\.5 is outside.*\(DS105\)`
	return c.Ask("hello")
}

func RunFlash() error { // want RunFlash:"deepseek:chat"
	// Ask sends no thinking key: the temperature has no effect.
	return dsclient.New("deepseek-flash", dsclient.Options{Temperature: 0.3}).Ask("hello") // want `temperature: DeepSeek ignores temperature in thinking mode.*built by \(\*dsclient.Client\).Ask.*\(DS504\)`
}

// Library model variables and defaults reach the request through the library's
// constructor; they are reported where this package names them.
func Reason(c *dsclient.Client) error { // want Reason:"deepseek:chat"
	if err := c.Chat(dsclient.NewChatRequest(dsclient.ModelReasoner, "why?")); err != nil { // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
		return err
	}
	if err := c.Chat(dsclient.NewChatRequest(dsclient.DefaultModel(), "hi")); err != nil { // want `model: model "deepseek-chat" was retired.*\(DS102\)`
		return err
	}
	return c.Chat(dsclient.NewChatRequest(dsclient.ModelFlash, "fine"))
}

// Label uses the same variables where nothing is sent.
func Label() string {
	return dsclient.Describe(dsclient.ModelReasoner) + dsclient.GPTModel
}

// A client pointed at another host sends there: its requests are not DeepSeek's.
func Local(q string) error {
	h := &dsclient.Hosted{BaseURL: "http://localhost:11434"}
	return h.Complete(&dsclient.ChatRequest{Model: "llama3", Messages: []map[string]string{{"role": "user", "content": q}}, Temperature: 3})
}

// Another package's options struct, filled here and read by this package's own
// request: the constants this package writes into its fields are followed.
func send(o *dsclient.Options, q string) error {
	body, _ := json.Marshal(map[string]any{"model": "deepseek-flash", "temperature": o.Temperature, "messages": []map[string]string{{"role": "user", "content": q}}}) // want `temperature: DeepSeek ignores temperature in thinking mode.*\(DS504\)`
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}

func Hot(q string) error { // want Hot:"deepseek:chat"
	return send(&dsclient.Options{Temperature: 2.5}, q) // want `temperature: 2\.5 is outside.*\(DS105\)`
}

// The neutral request's model reaches DeepSeek's body through Send.
func Neutral(c *dsclient.Client) error { // want Neutral:"deepseek:chat"
	req := &llmtypes.Request{Model: "deepseek-chat", Prompt: "hi"} // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	if err := c.Send(req); err != nil {
		return err
	}
	send := c.Send // a call through a function value names no callee
	if err := send(&llmtypes.Request{Model: "deepseek-flash", Prompt: "hi"}); err != nil {
		return err
	}
	return c.Send(&llmtypes.Request{Model: "deepseek-flash", Prompt: "hi"})
}

// Default models per provider: the entries under other providers' names are
// theirs, only the DeepSeek entry reaches the DeepSeek client.
var defaultModelFor = map[string]string{
	"gemini":   "gemini-2.5-flash",
	"chatgpt":  "gpt-4o",
	"deepseek": "deepseek-chat", // want `model: model "deepseek-chat" was retired.*\(DS102\)`
}

func newClient(provider, model string) *dsclient.Client {
	switch provider {
	case "deepseek":
		return dsclient.New(model, dsclient.Options{})
	}
	return nil
}

func RunDefault(provider, model string) error { // want RunDefault:"deepseek:chat" RunDefault:"sinks:1:model@chat"
	if model == "" {
		if m, ok := defaultModelFor[provider]; ok {
			model = m
		}
	}
	return newClient(provider, model).Ask("hello")
}
