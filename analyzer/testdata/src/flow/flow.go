// Package flow holds payloads whose values the request literal does not show: // want package:"bodies:flow.AskDefault@chat,flow.AskLogprobs@chat"
// models and URLs set in constructors, defaults, fallbacks and helpers.
package flow

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"net/http"
	"os"
	"strings"
)

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct { // want chatRequest:"deepseek:chat"
	Model       string    `json:"model"`
	Messages    []message `json:"messages"`
	Temperature float64   `json:"temperature,omitempty"`
}

func post(url string, body any) error {
	data, err := json.Marshal(body)
	if err != nil {
		return err
	}
	resp, err := http.Post(url, "application/json", bytes.NewReader(data))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A constructor stores the model; the request reads it from the client.
type Client struct { // want Client:"deepseek:chat"
	url   string
	model string
}

func NewClient() *Client { // want NewClient:"deepseek:chat"
	return &Client{url: "https://api.deepseek.com/chat/completions", model: "deepseek-chat"} // want `model: model "deepseek-chat" was retired.*\(DS102\)`
}

func (c *Client) Ask(q string) error { // want Ask:"deepseek:chat"
	return post(c.url, chatRequest{Model: c.model, Messages: []message{{Role: "user", Content: q}}})
}

// A fallback inside the function that sends.
func askWithFallback(model, q string) error {
	if model == "" {
		model = "deepseek-reasoner" // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
	}
	return post("https://api.deepseek.com/chat/completions", map[string]any{
		"model":    model,
		"messages": []message{{Role: "user", Content: q}},
	})
}

func Run(q string) error { return askWithFallback("", q) } // want Run:"deepseek:chat"

// A flag's default and an environment default.
var modelFlag = flag.String("model", "deepseek-chat", "model to use") // want `model: model "deepseek-chat" was retired.*\(DS102\)`

func AskFlag(q string) error { // want AskFlag:"deepseek:chat"
	return post("https://api.deepseek.com/chat/completions", chatRequest{Model: *modelFlag, Messages: []message{{Role: "user", Content: q}}})
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func AskEnv(q string) error { // want AskEnv:"deepseek:chat"
	req := chatRequest{
		Model:       env("CHAT_MODEL", "deepseek-reasoner"), // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
		Messages:    []message{{Role: "user", Content: q}},
		Temperature: 0.7, // want `temperature: .*thinking mode.*\(DS504\)`
	}
	port := env("PORT", "8080")
	_ = port
	return post("https://api.deepseek.com/chat/completions", req)
}

func AskCmpOr(q string) error { // want AskCmpOr:"deepseek:chat"
	model := cmp.Or(os.Getenv("CHAT_MODEL"), "DeepSeek-Flash") // want `model: .*"DeepSeek-Flash".*\(DS507\)`
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": model, "messages": []message{{Role: "user", Content: q}}})
}

// A getter whose fallback is another provider's model, sent to DeepSeek.
type ctxKey struct{}

func modelFor(ctx context.Context) string {
	if m, ok := ctx.Value(ctxKey{}).(string); ok {
		return m
	}
	return "gpt-4o-mini" // want `model: .*"gpt-4o-mini".*\(DS101\)`
}

func AskCtx(ctx context.Context, q string) error { // want AskCtx:"deepseek:chat"
	return post("https://api.deepseek.com/chat/completions", chatRequest{Model: modelFor(ctx), Messages: []message{{Role: "user", Content: q}}})
}

// A package-level default configuration copied into the request.
type Config struct { // want Config:"deepseek:chat"
	Model       string  // want Model:"sinks:model@chat" Model:"fieldconsts:deepseek-flash"
	URL         string  // want URL:"fieldconsts:https://api.deepseek.com/chat/completions"
	Temperature float64 // want Temperature:"sinks:temperature@chat"
}

var Default = Config{Model: "deepseek-flash", URL: "https://api.deepseek.com/chat/completions", Temperature: 2.5} // want `temperature: .*2\.5.*\(DS105\)`

func AskDefault(q string) error { // want AskDefault:"deepseek:chat"
	cfg := Default
	return post(cfg.URL, chatRequest{Model: cfg.Model, Temperature: cfg.Temperature, Messages: []message{{Role: "user", Content: q}}})
}

// A session saved to disk in a function that also calls DeepSeek: not a request.
type session struct { // want session:"deepseek:chat"
	Model    string    `json:"model"`
	Messages []message `json:"messages"`
}

func AskAndSave(q string) error { // want AskAndSave:"deepseek:chat"
	if err := post("https://api.deepseek.com/chat/completions", chatRequest{Model: "deepseek-flash", Messages: []message{{Role: "user", Content: q}}}); err != nil {
		return err
	}
	s := session{Messages: []message{{Role: "developer", Content: q}}}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile("session.json", data, 0o600)
}

// A log record with request keys, printed, not sent.
func AskAndLog(q string) error { // want AskAndLog:"deepseek:chat"
	rec := map[string]any{"model": "deepseek-chat", "messages": q}
	line, _ := json.Marshal(rec)
	fmt.Println(string(line))
	return post("https://api.deepseek.com/chat/completions", chatRequest{Model: "deepseek-flash", Messages: []message{{Role: "user", Content: q}}})
}

// A flag default the code replaces when it is left unset is not sent.
var maxTokensFlag = flag.Int("max-tokens", math.MaxInt, "reply limit")

func AskSentinel(q string) error { // want AskSentinel:"deepseek:chat"
	limit := 1024
	if *maxTokensFlag != math.MaxInt {
		limit = *maxTokensFlag
	}
	return post("https://api.deepseek.com/chat/completions", map[string]any{
		"model":      "deepseek-flash",
		"messages":   []message{{Role: "user", Content: q}},
		"max_tokens": limit,
	})
}

// Candidates for several providers: only the DeepSeek one is judged.
func AskProvider(provider, q string) error { // want AskProvider:"deepseek:chat"
	model := "gpt-4o"
	switch provider {
	case "openrouter":
		model = "deepseek/deepseek-r1" // OpenRouter's name for a DeepSeek model: not DeepSeek's API
	case "ollama":
		model = "deepseek-r1"
	}
	if provider == "deepseek" {
		model = "deepseek-chat" // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	}
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": model, "messages": []message{{Role: "user", Content: q}}})
}

// A zero value returned with an error is not a payload.
func emptyOnError(q string) (chatRequest, error) {
	if q == "" {
		return chatRequest{}, fmt.Errorf("empty question")
	}
	return chatRequest{Model: "deepseek-flash", Messages: []message{{Role: "user", Content: q}}}, nil
}

var _ = emptyOnError

// A key added under a condition is sent on that path: the rule holds there.
func AskUsage(q string, usage, force bool) error { // want AskUsage:"deepseek:chat"
	body := map[string]any{
		"model":    "deepseek-flash",
		"messages": []message{{Role: "user", Content: q}},
		"tools":    []map[string]any{{"type": "function", "function": map[string]any{"name": "lookup"}}},
	}
	if usage {
		body["stream_options"] = map[string]any{"include_usage": true} // want `stream_options: .*\(DS201\)`
	}
	if force {
		body["tool_choice"] = "required" // want `tool_choice: .*\(DS203\)`
	}
	return post("https://api.deepseek.com/chat/completions", body)
}

// A default for top_logprobs with logprobs never set: reported at the key, where
// logprobs goes.
var defaultTopLogprobs = 5

func AskLogprobs(q string, n int) error { // want AskLogprobs:"deepseek:chat" AskLogprobs:"sinks:1:top_logprobs@chat"
	top := defaultTopLogprobs
	if n > 0 {
		top = n
	}
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": "deepseek-flash", "messages": []message{{Role: "user", Content: q}}, "top_logprobs": top}) // want `top_logprobs: .*\(DS202\)`
}

// A branch for another provider sets keys only that provider receives.
func AskVia(provider, q string) error { // want AskVia:"deepseek:chat"
	body := map[string]any{"model": "deepseek-flash", "messages": []message{{Role: "user", Content: q}}}
	if provider == "openai" {
		body["store"] = true
		body["service_tier"] = "flex"
	}
	if provider == "deepseek" {
		body["top_k"] = 5 // want `top_k: .*\(DS501\)`
	}
	return post("https://api.deepseek.com/chat/completions", body)
}

// A gateway answering its own client through a helper: the export is not a request.
func writeJSON(w http.ResponseWriter, v any) {
	_ = json.NewEncoder(w).Encode(v)
}

func Export(w http.ResponseWriter, q string) { // want Export:"deepseek:chat"
	writeJSON(w, map[string]any{"model": "deepseek-chat", "messages": []message{{Role: "developer", Content: q}}, "stream_options": map[string]any{"include_usage": true}})
	_ = post("https://api.deepseek.com/chat/completions", map[string]any{"model": "deepseek-flash", "messages": []message{{Role: "user", Content: q}}})
}

// A table of probes: each body goes to the URL beside it.
type probe struct { // want probe:"deepseek:chat\\+other"
	url  string
	body map[string]any
}

var probes = []probe{
	{url: "https://api.deepseek.com/chat/completions", body: map[string]any{"model": "deepseek-flash", "messages": []message{{Role: "user", Content: "ping"}}, "top_p": 0}}, // want `top_p: .*\(DS105\)`
	{url: "https://api.openai.com/v1/chat/completions", body: map[string]any{"model": "gpt-4o", "messages": []message{{Role: "developer", Content: "ping"}}}},
}

// JSON text handed to a helper that makes it the body.
func send(body string) error {
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", strings.NewReader(body))
	return err
}

func Lint() error { // want Lint:"deepseek:chat"
	return send(`{"model": "deepseek-flash", "messages": [{"role": "developer", "content": "lint"}]}`) // want `messages\[0\]\.role: .*\(DS104\)`
}

// A conversation kept on a struct and grown in a tool loop: the assistant turns it
// replays carry no reasoning_content while tools are sent in thinking mode.
type chatTurn struct {
	Role      string           `json:"role"`
	Content   string           `json:"content"`
	ToolCalls []map[string]any `json:"tool_calls,omitempty"`
}

type session2 struct{ turns []chatTurn }

var lookupTools = []map[string]any{{"type": "function", "function": map[string]any{"name": "lookup"}}}

func (s *session2) step(q string) error {
	s.turns = append(s.turns, chatTurn{Role: "user", Content: q})
	if err := post("https://api.deepseek.com/chat/completions", map[string]any{"model": "deepseek-flash", "messages": s.turns, "tools": lookupTools}); err != nil {
		return err
	}
	s.turns = append(s.turns, chatTurn{Role: "assistant", Content: "", ToolCalls: []map[string]any{{"id": "c1", "type": "function", "function": map[string]any{"name": "lookup", "arguments": "{}"}}}}) // want `.*reasoning_content.*\(DS204\)`
	return nil
}

// The assistant turn waits in a pending slice of its own and is spliced into the
// conversation with a spread before the next request.
type session3 struct {
	turns   []chatTurn
	pending []chatTurn
}

func (s *session3) step(q string, calls []map[string]any) error {
	if len(calls) > 0 {
		s.pending = append([]chatTurn{{Role: "assistant", ToolCalls: calls}}, s.pending...) // want `.*reasoning_content.*\(DS204\)`
		s.turns = append(s.turns, s.pending...)
		s.pending = nil
	}
	s.turns = append(s.turns, chatTurn{Role: "user", Content: q})
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": "deepseek-flash", "messages": s.turns, "tools": lookupTools})
}

// The effort defaults to "high" when the caller sets none: on that run thinking is
// on, and the replayed tool-call turns need their reasoning.
type agentSession struct {
	effort string
	turns  []chatTurn
}

func newAgentSession(effort string) *agentSession {
	if effort == "" {
		effort = "high"
	}
	return &agentSession{effort: effort}
}

func (s *agentSession) step(calls []map[string]any) error {
	s.turns = append(s.turns, chatTurn{Role: "assistant", ToolCalls: calls}) // want `.*reasoning_content.*\(DS204\)`
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": "deepseek-v4-pro", "messages": s.turns, "tools": lookupTools, "reasoning_effort": s.effort})
}

// The same loop whose default turns thinking off: nothing to pass back by default.
type quietSession struct {
	effort string
	turns  []chatTurn
}

func newQuietSession(effort string) *quietSession {
	if effort == "" {
		effort = "none"
	}
	return &quietSession{effort: effort}
}

func (s *quietSession) step(calls []map[string]any) error {
	s.turns = append(s.turns, chatTurn{Role: "assistant", ToolCalls: calls})
	return post("https://api.deepseek.com/chat/completions", map[string]any{"model": "deepseek-v4-pro", "messages": s.turns, "tools": lookupTools, "reasoning_effort": s.effort})
}

// A builder shared by two providers: a key DeepSeek does not know may be the
// other one's, so it is not reported; a value DeepSeek rejects still is.
type sharedRequest struct {
	Model       string    `json:"model"`
	Messages    []message `json:"messages"`
	Temperature float64   `json:"temperature"`
	Routing     string    `json:"routing_hint"`
}

func AskShared(toDeepSeek bool, model, q string) error { // want AskShared:"deepseek:chat\\+other"
	url := "https://api.example-llm.com/v1/chat/completions"
	if toDeepSeek {
		url = "https://api.deepseek.com/chat/completions"
	}
	return post(url, sharedRequest{Model: model, Messages: []message{{Role: "user", Content: q}}, Temperature: 3, Routing: "fast"}) // want `temperature: 3 is outside.*\(DS105\)`
}

// A constant set on one path is still a value some request sends.
func AskThinking(think bool, model, q string) error { // want AskThinking:"deepseek:chat" AskThinking:"sinks:1:model@chat"
	req := chatRequest{Model: model, Messages: []message{{Role: "user", Content: q}}}
	if think {
		req.Model = "deepseek-reasoner" // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
	}
	return post("https://api.deepseek.com/chat/completions", req)
}

// A DeepSeek provider that embeds an OpenAI-compatible one and overrides only its
// endpoint: the embedded builder's bodies are DeepSeek's too.
type provider interface {
	Endpoint() string
	Prepare(q string) map[string]any
}

type openAIProv struct{ model string }

func (p *openAIProv) Endpoint() string { return "https://api.openai.com/v1/chat/completions" }

func (p *openAIProv) Prepare(q string) map[string]any {
	return map[string]any{
		"model":           p.model,
		"messages":        []message{{Role: "user", Content: q}},
		"response_format": map[string]any{"type": "json_schema"}, // want `response_format.type: DeepSeek rejects response_format type "json_schema".*\(DS107\)`
	}
}

type deepSeekProv struct{ openAIProv }

func (p *deepSeekProv) Endpoint() string { return "https://api.deepseek.com/chat/completions" } // want Endpoint:"deepseek:chat" Endpoint:"returns:https://api.deepseek.com/chat/completions"

// An OpenAI-only builder with the same body stays silent.
type plainOpenAI struct{ model string }

func (p *plainOpenAI) Endpoint() string { return "https://api.openai.com/v1/chat/completions" }

func (p *plainOpenAI) Prepare(q string) map[string]any {
	return map[string]any{"model": p.model, "messages": []message{{Role: "user", Content: q}}, "response_format": map[string]any{"type": "json_schema"}}
}

func Send(p provider, q string) error { return post(p.Endpoint(), p.Prepare(q)) }

// A saved chat assigned to a variable that is only read is not a request, even in
// a function that sends one.
type savedChat struct { // want savedChat:"deepseek:chat"
	Model    string    `json:"model"`
	Messages []message `json:"messages"`
	Title    string    `json:"title"`
}

func Resume(q string) error { // want Resume:"deepseek:chat"
	var s savedChat
	s = savedChat{Model: "deepseek-chat", Title: "draft"}
	return post("https://api.deepseek.com/chat/completions", chatRequest{Model: "deepseek-flash", Messages: append(s.Messages, message{Role: "user", Content: q})})
}

// Thinking turned on explicitly on one path and left at its default (on) on the
// other: temperature has no effect either way.
func AskMaybeThinking(deep bool, q string) error { // want AskMaybeThinking:"deepseek:chat"
	body := map[string]any{"model": "deepseek-flash", "messages": []message{{Role: "user", Content: q}}, "temperature": 0.3} // want `temperature: DeepSeek ignores temperature in thinking mode.*\(DS504\)`
	if deep {
		body["thinking"] = map[string]any{"type": "enabled"}
	}
	return post("https://api.deepseek.com/chat/completions", body)
}

// Thinking turned off on one path: on the other it is on, so the temperature is
// ignored only sometimes, and the code may mean the off path.
func AskMaybeQuiet(quiet bool, q string) error { // want AskMaybeQuiet:"deepseek:chat"
	body := map[string]any{"model": "deepseek-flash", "messages": []message{{Role: "user", Content: q}}, "temperature": 0.3}
	if quiet {
		body["thinking"] = map[string]any{"type": "disabled"}
	}
	return post("https://api.deepseek.com/chat/completions", body)
}

// A flag whose default -1 means "not given": the code sends the flag only when it
// is at least 0. A default outside the range that is sent is still reported.
var (
	temperatureFlag = flag.Float64("temperature", -1, "sampling temperature")
	topPFlag        = flag.Float64("top-p", 1.5, "nucleus sampling") // want `top_p: DeepSeek rejects 1\.5.*\(DS105\)`
)

func AskWithFlags(q string) error { // want AskWithFlags:"deepseek:chat"
	body := map[string]any{"model": "deepseek-flash", "messages": []message{{Role: "user", Content: q}}, "thinking": map[string]any{"type": "disabled"}}
	t := 0.7
	if *temperatureFlag >= 0 {
		t = *temperatureFlag
	}
	body["temperature"] = t
	body["top_p"] = *topPFlag
	return post("https://api.deepseek.com/chat/completions", body)
}

// A client behind an interface of the package, with one adapter that only
// forwards the request: the request is not changed after it is built.
type chatAPI interface {
	Send(req *chatRequest) error
}

type realAPI struct{}

func (realAPI) Send(req *chatRequest) error { // want Send:"deepseek:chat"
	return post("https://api.deepseek.com/chat/completions", req)
}

func AskThroughAPI(api chatAPI, q string) error {
	req := &chatRequest{Model: "deepseek-flash", Messages: []message{{Role: "user", Content: q}}, Temperature: 0.3} // want `temperature: DeepSeek ignores temperature in thinking mode.*\(DS504\)`
	op := func() error { return api.Send(req) }
	return op()
}
