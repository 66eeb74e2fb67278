package flow

import (
	"fmt"
)

// A generic OpenAI-compatible provider, reused by a DeepSeek one: what it always
// sends reaches DeepSeek too.
type compat struct { // want compat:"deepseek:other"
	base  string
	model string
}

func newCompat(base, model string) *compat { return &compat{base: base, model: model} }

func (p *compat) chat(q string) error {
	return post(p.base+"/chat/completions", map[string]any{
		"model":                 p.model,
		"messages":              []message{{Role: "user", Content: q}},
		"max_completion_tokens": 512, // want `max_completion_tokens: .*\(DS501\)`
	})
}

type DeepSeek struct{ *compat } // want DeepSeek:"deepseek:chat"

func NewDeepSeek() *DeepSeek { // want NewDeepSeek:"deepseek:chat\\+other"
	return &DeepSeek{newCompat("https://api.deepseek.com", "deepseek-flash")}
}

func NewOpenAI() *compat { return newCompat("https://api.openai.com/v1", "gpt-4o") }

func (d *DeepSeek) Ask(q string) error { return d.chat(q) } // want Ask:"deepseek:chat\\+other"

// The same builder used only for OpenAI stays silent.
type onlyOpenAI struct{ base, model string } // want onlyOpenAI:"deepseek:other"

func (p *onlyOpenAI) chat(q string) error {
	return post(p.base+"/chat/completions", map[string]any{
		"model":                 p.model,
		"messages":              []message{{Role: "developer", Content: q}},
		"max_completion_tokens": 512,
	})
}

func NewOnlyOpenAI() *onlyOpenAI {
	return &onlyOpenAI{base: "https://api.openai.com/v1", model: "gpt-4o"}
}

// Base URL and path joined in a helper: the path decides the endpoint.
type api struct{ base string } // want api:"deepseek:chat"

func (a *api) do(path string, body any) error { return post(a.base+path, body) }

func newAPI() *api { return &api{base: "https://api.deepseek.com"} }

func AskAnthropic(q string) error { // want AskAnthropic:"deepseek:anthropic"
	a := newAPI()
	return a.do("/anthropic/v1/messages", map[string]any{
		"model":          "deepseek-flash",
		"max_tokens":     1024,
		"system":         "You are terse.",
		"stop_sequences": []string{"END"},
		"messages":       []map[string]any{{"role": "user", "content": q}},
	})
}

func Complete(prefix string) error { // want Complete:"deepseek:fim"
	base := newAPI().base
	return post(fmt.Sprintf("%s/beta/completions", base), map[string]any{
		"model":  "deepseek-flash",
		"prompt": prefix,
		"suffix": "}",
	})
}

// One function, several hosts: the call that sends each body names its URL.
func Compare(q string) error { // want Compare:"deepseek:chat\\+other"
	if err := post("https://api.openai.com/v1/chat/completions", map[string]any{
		"model":                 "gpt-4.1",
		"messages":              []map[string]string{{"role": "developer", "content": q}},
		"max_completion_tokens": 300,
	}); err != nil {
		return err
	}
	return post("https://api.deepseek.com/chat/completions", map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]string{{"role": "developer", "content": q}}, // want `messages\[0\]\.role: .*\(DS104\)`
	})
}

// Model names on the Anthropic-compatible endpoint: claude-* names are mapped,
// DeepSeek's retired ids are still retired, other names are rejected.
func AskAnthropicModels(q string) error { // want AskAnthropicModels:"deepseek:anthropic"
	a := newAPI()
	for _, model := range []string{"claude-sonnet-4-5"} {
		if err := a.do("/anthropic/v1/messages", map[string]any{"model": model, "max_tokens": 512, "messages": []map[string]any{{"role": "user", "content": q}}}); err != nil {
			return err
		}
	}
	if err := a.do("/anthropic/v1/messages", map[string]any{"model": "claude-opus-4-1", "max_tokens": 512, "messages": []map[string]any{{"role": "user", "content": q}}}); err != nil {
		return err
	}
	if err := a.do("/anthropic/v1/messages", map[string]any{"model": "deepseek-chat", "max_tokens": 512, "messages": []map[string]any{{"role": "user", "content": q}}}); err != nil { // want `model: model "deepseek-chat" was retired.*\(DS102\)`
		return err
	}
	return a.do("/anthropic/v1/messages", map[string]any{"model": "gpt-4o", "max_tokens": 512, "messages": []map[string]any{{"role": "user", "content": q}}}) // want `model: .*"gpt-4o".*\(DS101\)`
}

// One function asks DeepSeek and a local server, through a helper that adds a key:
// the request whose model names only the local server's model is the local one's.
func withUsage(p map[string]any) map[string]any {
	p["stream_options"] = map[string]bool{"include_usage": true}
	p["stream"] = true
	return p
}

func AskBoth(q string) error { // want AskBoth:"deepseek:chat\\+other"
	remote := withUsage(map[string]any{"model": "deepseek-flash", "temperature": 3, "messages": []map[string]string{{"role": "user", "content": q}}}) // want `temperature: 3 is outside.*\(DS105\)`
	local := withUsage(map[string]any{"model": "llama3.2", "temperature": 3, "messages": []map[string]string{{"role": "user", "content": q}}})
	if err := post("https://api.deepseek.com/chat/completions", remote); err != nil {
		return err
	}
	return post("http://localhost:11434/v1/chat/completions", local)
}

// A helper puts /beta between the base and the caller's path: prefix completion
// goes to the beta base URL.
func betaURL(path string) string { return fmt.Sprintf("%s/beta/%s", newAPI().base, path) }

func ContinueCode(code string) error { // want ContinueCode:"deepseek:beta"
	return post(betaURL("chat/completions"), map[string]any{
		"model": "deepseek-flash",
		"messages": []map[string]any{
			{"role": "user", "content": "Finish this function."},
			{"role": "assistant", "content": code, "prefix": true},
		},
	})
}

// One request type for OpenAI and DeepSeek: a key DeepSeek does not know is
// reported where a DeepSeek request sets it, not where the type declares it.
type sharedReq struct {
	Model    string              `json:"model"`
	Messages []map[string]string `json:"messages"`
	Seed     int                 `json:"seed,omitempty"`
}

func AskTwice(q string) error { // want AskTwice:"deepseek:chat\\+other"
	msgs := []map[string]string{{"role": "user", "content": q}}
	if err := post("https://api.openai.com/v1/chat/completions", sharedReq{Model: "gpt-4.1", Messages: msgs, Seed: 7}); err != nil {
		return err
	}
	return post("https://api.deepseek.com/chat/completions", sharedReq{Model: "deepseek-flash", Messages: msgs, Seed: 7}) // want `seed: .*\(DS501\)`
}

// A gateway's table of model names: any value may be the model it sends.
var gatewayModels = map[string]string{
	"gpt-4o":      "deepseek-v4-pro",
	"o1":          "deepseek-reasoner", // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
	"gpt-4o-mini": "deepseek-flash",
}

func Forward(model, q string) error { // want Forward:"deepseek:chat"
	mapped, ok := gatewayModels[model]
	if !ok {
		mapped = "deepseek-flash"
	}
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": mapped, "messages": []map[string]string{{"role": "user", "content": q}}})
}

// Model catalogs: each provider's constructor falls back to the first entry of its
// own list. The DeepSeek client's is DeepSeek's; the OpenAI list's entries never
// reach it, though the same field holds them.
type modelInfo struct {
	ID   string
	Name string
}

func deepSeekModels() []modelInfo {
	return []modelInfo{
		{ID: "deepseek-reasoner", Name: "Reasoner"}, // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
		{ID: "deepseek-v4-pro", Name: "Pro"},
	}
}

func openAIModels() []modelInfo {
	return []modelInfo{{ID: "gpt-4o", Name: "GPT-4o"}, {ID: "o1-mini", Name: "o1 mini"}}
}

type catalogClient struct{ model string }

func newCatalogClient(model string) *catalogClient {
	if model == "" {
		fallback := deepSeekModels()
		model = fallback[0].ID
	}
	return &catalogClient{model: model}
}

func (c *catalogClient) Ask(q string) error { // want Ask:"deepseek:chat"
	return post("https://api.deepseek.com/chat/completions", chatRequest{Model: c.model, Messages: []message{{Role: "user", Content: q}}})
}

func ListAll() []modelInfo { return append(deepSeekModels(), openAIModels()...) }

// A provider type's default model: only the DeepSeek case is DeepSeek's, though
// none of the names is a current DeepSeek model.
type providerKind string

const (
	kindOpenAI   providerKind = "openai"
	kindClaude   providerKind = "claude"
	kindDeepSeek providerKind = "deepseek"
)

func (k providerKind) defaultModel() string {
	switch k {
	case kindOpenAI:
		return "gpt-5.2"
	case kindClaude:
		return "claude-opus-4-5"
	case kindDeepSeek:
		return "deepseek-v3.2" // want `model: DeepSeek rejects model "deepseek-v3.2".*\(DS101\)`
	}
	return ""
}

func AskKind(k providerKind, q string) error { // want AskKind:"deepseek:chat"
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": k.defaultModel(), "messages": []message{{Role: "user", Content: q}}})
}

// The same switch over an enum of providers.
type providerEnum int

const (
	enumOpenAI providerEnum = iota
	enumGemini
	enumDeepSeek
)

func (k providerEnum) defaultModel() string {
	switch k {
	case enumOpenAI:
		return "gpt-5.2"
	case enumGemini:
		return "gemini-3-flash"
	case enumDeepSeek:
		return "deepseek-v3.2" // want `model: DeepSeek rejects model "deepseek-v3.2".*\(DS101\)`
	}
	return ""
}

func AskEnum(k providerEnum, q string) error { // want AskEnum:"deepseek:chat"
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": k.defaultModel(), "messages": []message{{Role: "user", Content: q}}})
}
