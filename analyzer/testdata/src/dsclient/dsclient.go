// Package dsclient is a DeepSeek client whose importers choose the model and the // want package:`bodies:\(\*dsclient.Client\).Ask@chat,dsclient.NewChatRequest@chat`
// sampling options.
package dsclient

import (
	"bytes"
	"encoding/json"
	"net/http"

	"llmtypes"
)

type Options struct {
	Temperature float64 // want Temperature:"sinks:temperature@chat"
	Label       string
}

type Client struct {
	model string
	opts  Options
}

func New(model string, opts Options) *Client { // want New:"sinks:0:model@chat"
	return &Client{model: model, opts: opts}
}

func (c *Client) Ask(q string) error { // want Ask:"deepseek:chat"
	body, _ := json.Marshal(map[string]any{
		"model":       c.model,
		"temperature": c.opts.Temperature,
		"messages":    []map[string]any{{"role": "user", "content": q}},
	})
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}

// ModelType names a model; the library declares its models as variables.
type ModelType string

var (
	ModelFlash    = ModelType("deepseek-flash")    // want ModelFlash:"const:deepseek-flash"
	ModelReasoner = ModelType("deepseek-reasoner") // want ModelReasoner:"const:deepseek-reasoner"
	GPTModel      = "gpt-4o"                       // want GPTModel:"const:gpt-4o"
)

// DefaultModel is the model a caller gets without choosing one.
func DefaultModel() ModelType { return "deepseek-chat" } // want DefaultModel:"const:deepseek-chat"

// ChatRequest is the body of a chat completion; its model is set by NewChatRequest.
type ChatRequest struct { // want ChatRequest:"deepseek:chat"
	Model       ModelType           `json:"model"`
	Messages    []map[string]string `json:"messages"`
	Temperature float64             `json:"temperature,omitempty"`
}

func NewChatRequest(model ModelType, prompt string) *ChatRequest { // want NewChatRequest:"sinks:0:model@chat"
	r := &ChatRequest{Messages: []map[string]string{{"role": "user", "content": prompt}}}
	r.Model = model
	return r
}

// Hot sets a temperature DeepSeek does not accept.
func (r *ChatRequest) Hot() {
	r.Temperature = 3 // want `temperature: 3 is outside.*\(DS105\)`
}

func (c *Client) Chat(r *ChatRequest) error { // want Chat:"deepseek:chat"
	body, _ := json.Marshal(r)
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}

// Describe is not a request: the label it receives is never sent.
func Describe(model ModelType) string { return "model " + string(model) }

// Hosted is a client whose host its users may change; it defaults to DeepSeek.
type Hosted struct { // want Hosted:"deepseek:chat"
	BaseURL string // want BaseURL:"fieldconsts:https://api.deepseek.com"
	log     logger
}

func NewHosted() *Hosted { // want NewHosted:"deepseek:chat"
	return &Hosted{BaseURL: "https://api.deepseek.com"}
}

type logger struct{}

func (logger) Debug(msg string, fields map[string]any) {}

func (h *Hosted) post(path string, v any) error {
	body, _ := json.Marshal(v)
	_, err := http.Post(h.BaseURL+path, "application/json", bytes.NewReader(body))
	return err
}

func (h *Hosted) Complete(r *ChatRequest) error { // want Complete:"deepseek:chat"
	// Log fields are not a request, whatever their keys.
	h.log.Debug("chat", map[string]any{"model": r.Model, "messages": len(r.Messages), "org_id": "acme"})
	return h.post("/chat/completions", r)
}

// FIMRequest is checked as a FIM body: its endpoint is /beta/completions.
type FIMRequest struct { // want FIMRequest:"deepseek:fim"
	Model    string `json:"model"`
	Prompt   string `json:"prompt"`
	Logprobs int    `json:"logprobs,omitempty"`
}

func (h *Hosted) Fill(r *FIMRequest) error { // want Fill:"deepseek:fim"
	return h.post("/beta/completions", r)
}

// OllamaChat goes to Ollama's path on whatever host the user set: not DeepSeek's API.
type OllamaChat struct {
	Model    string              `json:"model"`
	Messages []map[string]string `json:"messages"`
	Options  map[string]any      `json:"options,omitempty"`
	KeepLive string              `json:"keep_alive,omitempty"`
}

func (h *Hosted) Ollama(r *OllamaChat) error { // want Ollama:"deepseek\\+other"
	return h.post("/api/chat", r)
}

// ImageRequest goes to a path DeepSeek does not serve: not one of its requests.
type ImageRequest struct {
	Model  string `json:"model"`
	Prompt string `json:"prompt"`
	N      int    `json:"n"`
}

func (h *Hosted) Image(r *ImageRequest) error { // want Image:"deepseek\\+other"
	return h.post("/images/generations", r)
}

// Send copies a provider-neutral request into DeepSeek's body.
func (c *Client) Send(req *llmtypes.Request) error { // want Send:"deepseek:chat" Send:"sinks:0.Model:model@chat"
	body, _ := json.Marshal(map[string]any{
		"model":    req.Model,
		"messages": []map[string]string{{"role": "user", "content": req.Prompt}},
	})
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}
