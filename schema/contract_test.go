package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustDefault(t *testing.T) *Contract {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.loaded(); err != nil {
		t.Fatal(err)
	}
	return c
}

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

// validateCases pin, for whole known documents, the (instance, rule) pairs the
// contract reports.
var validateCases = []validationCase{
	{"official sample", ChatNonBeta, `{"messages":[{"content":"You are a helpful assistant","role":"system"},{"content":"Hi","role":"user"}],"model":"deepseek-flash","thinking":{"type":"disabled"},"max_tokens":4096,"response_format":{"type":"text"},"stop":null,"stream":false,"stream_options":null,"temperature":1,"top_p":1,"tools":null,"tool_choice":"none","logprobs":false,"top_logprobs":null}`, nil},
	{"copied from OpenAI", Chat, `{"model":"deepseek-flash","messages":[{"role":"developer","content":"x"}],"max_completion_tokens":5,"n":2,"user":"u"}`,
		[]string{"/max_completion_tokens DS501", "/messages/0/role DS104", "/n DS501", "/user DS501"}},
	{"copied from Anthropic", Chat, `{"model":"deepseek-v4-pro","system":"x","messages":[{"role":"user","content":"x"}],"top_k":3,"stop_sequences":["a"]}`,
		[]string{"/stop_sequences DS501", "/system DS501", "/top_k DS501"}},
	{"retired and unknown models", Chat, `{"model":"deepseek-reasoner","messages":[{"role":"user","content":"x"}]}`, []string{"/model DS102"}},
	{"unknown model", Chat, `{"model":"gpt-4o","messages":[{"role":"user","content":"x"}]}`, []string{"/model DS101"}},
	{"legacy alias", Chat, `{"model":"deepseek-v4-flash","messages":[{"role":"user","content":"x"}]}`, []string{"/model DS505"}},
	{"ranges", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"temperature":2.5,"top_p":0,"max_tokens":393217,"top_logprobs":21,"logprobs":true,"thinking":{"type":"disabled"}}`,
		[]string{" DS504", "/max_tokens DS105", "/temperature DS105", "/top_logprobs DS105", "/top_p DS105"}},
	{"wrong types", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"temperature":"0.7","stream":"yes","thinking":{"type":"disabled"}}`,
		[]string{"/stream DS103", "/temperature DS103"}},
	{"json_schema", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"json"}],"response_format":{"type":"json_schema","json_schema":{}}}`, []string{"/response_format/type DS107"}},
	{"stream_options without stream", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":true}}`, []string{" DS201"}},
	{"stream_options with stream", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"stream":true,"stream_options":{"include_usage":true}}`, nil},
	{"top_logprobs without logprobs", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"top_logprobs":3}`, []string{" DS202"}},
	{"required tool_choice in thinking mode", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"required"}`, []string{" DS203"}},
	{"required tool_choice, thinking off", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"required","reasoning_effort":"none"}`, nil},
	{"reasoning_content missing with tools", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"},{"role":"assistant","content":"","tool_calls":[{"id":"1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","content":"r","tool_call_id":"1"}],"tools":[{"type":"function","function":{"name":"f"}}]}`, []string{"/messages/1 DS204"}},
	{"json mode without the word", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"list colours"}],"response_format":{"type":"json_object"}}`, []string{"/messages DS207"}},
	{"json mode with the word", Chat, `{"model":"deepseek-flash","messages":[{"role":"system","content":"Answer in JSON"},{"role":"user","content":"list colours"}],"response_format":{"type":"json_object"}}`, nil},
	{"prefix not last", ChatBeta, `{"model":"deepseek-flash","messages":[{"role":"assistant","content":"x","prefix":true},{"role":"user","content":"y"}]}`, []string{"/messages/0/prefix DS205"}},
	{"prefix on user", ChatBeta, `{"model":"deepseek-flash","messages":[{"role":"user","content":"y","prefix":true}]}`, []string{"/messages/0/prefix DS205"}},
	{"prefix on beta", ChatBeta, `{"model":"deepseek-flash","messages":[{"role":"user","content":"y"},{"role":"assistant","content":"x","prefix":true}]}`, nil},
	{"prefix off beta", ChatNonBeta, `{"model":"deepseek-flash","messages":[{"role":"user","content":"y"},{"role":"assistant","content":"x","prefix":true}]}`, []string{"/messages/1/prefix DS206"}},
	{"strict off beta", ChatNonBeta, `{"model":"deepseek-flash","messages":[{"role":"user","content":"y"}],"tools":[{"type":"function","function":{"name":"f","strict":true}}]}`, []string{"/tools/0/function/strict DS206"}},
	{"image in system message", Chat, `{"model":"deepseek-flash","messages":[{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]},{"role":"user","content":"what"}]}`, []string{"/messages/0/content DS208"}},
	{"image to v4-pro", Chat, `{"model":"deepseek-v4-pro","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]}`, []string{"/messages/0/content/0/type DS209"}},
	{"image to flash", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":[{"type":"text","text":"what"},{"type":"image_url","image_url":{"url":"https://x/y.png","detail":"high"}}]}]}`, nil},
	{"penalties and ignored sampling", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"frequency_penalty":0.5,"temperature":0.2}`, []string{" DS504", "/frequency_penalty DS503"}},
	{"missing content and tool_call_id", Chat, `{"model":"deepseek-flash","messages":[{"role":"assistant"},{"role":"tool","content":"x"}]}`, []string{"/messages/0 DS106", "/messages/1 DS106"}},
	{"tool name pattern and count", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"get weather"}}],"thinking":{"type":"disabled"}}`, []string{"/tools/0/function/name DS105"}},
	{"extra_body", Chat, `{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"extra_body":{"thinking":{"type":"disabled"}}}`, []string{"/extra_body DS506"}},
	{"FIM", FIM, `{"model":"deepseek-flash","prompt":"def f(","suffix":")","max_tokens":5000}`, []string{"/max_tokens DS105"}},
	{"FIM off beta", FIMNonBeta, `{"model":"deepseek-flash","prompt":"def f("}`, []string{" DS206"}},
}

func TestValidate(t *testing.T) { runCases(t, mustDefault(t), validateCases) }

func TestModelLists(t *testing.T) {
	c := mustDefault(t)
	if strings.Join(c.Accepted, ",") != "deepseek-flash,deepseek-v4-pro,deepseek-v4-flash,deepseek-v4-flash-vision-exp" ||
		strings.Join(c.Retired, ",") != "deepseek-chat,deepseek-reasoner,deepseek-coder" {
		t.Errorf("model lists: accepted %v, retired %v", c.Accepted, c.Retired)
	}
}

// TestRulesDocumented checks the catalogue: every rule has the parts its diagnostics
// and docs need, and an official or observed source when it is an error.
func TestRulesDocumented(t *testing.T) {
	for _, r := range mustDefault(t).Rules() {
		if r.Title == "" || r.Message == "" || r.DeepSeek == "" || r.Fix == "" || r.Bad == "" || r.Good == "" || !strings.HasPrefix(r.Source, "https://") {
			t.Errorf("%s: incomplete rule %+v", r.ID, r)
		}
		if r.Severity == "error" && r.Evidence == "3P" {
			t.Errorf("%s: an error rule rests on third-party evidence only", r.ID)
		}
	}
}

func TestLoadOverride(t *testing.T) {
	write := func(t *testing.T, name, content string) string {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
		return dir
	}
	chat, _ := files.ReadFile("chat.schema.json")
	for _, tc := range []struct {
		name, file, content, want string
	}{
		{"not JSON", "chat.schema.json", "{not json", "chat.schema.json: not JSON"},
		{"remote ref", "chat.schema.json", `{"$defs":{"request":{"$ref":"https://example.com/evil.json"}}}`, "never fetches schemas"},
		{"bad rule", "rules.json", `{"DS999":{"severity":"fatal"}}`, `/DS999/severity: "fatal" is neither error nor warning`},
		{"unknown rule in annotation", "chat.schema.json", strings.Replace(string(chat), `"rule": "DS107"`, `"rule": "DS777"`, 1), `rule "DS777" is not in rules.json`},
		{"not a schema", "fim.schema.json", `{"$defs":{"request":{"type":12}}}`, "fim.schema.json"},
		{"misspelt endpoints key", "endpoints.json", `{"hots": "api.deepseek.com"}`, `endpoints.json: json: unknown field "hots"`},
		{"endpoints without host", "endpoints.json", `{"paths": []}`, "endpoints.json: /host: missing"},
		{"unknown endpoint name", "endpoints.json", `{"host": "api.deepseek.com", "default": "chat", "paths": [{"path": "/responses", "endpoint": "response"}]}`, `endpoints.json: /paths/0/endpoint: "response" is not an endpoint name`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(write(t, tc.file, tc.content))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load = %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("Load of a missing directory succeeded")
	}
	// A directory with no files is the embedded contract, with its digest.
	c, err := Load(t.TempDir())
	if err != nil || c.Digest != mustDefault(t).Digest {
		t.Errorf("Load(empty dir) = %v, digest %v", err, c)
	}
}

func TestDigestChangesWithContent(t *testing.T) {
	dir := t.TempDir()
	chat, _ := files.ReadFile("chat.schema.json")
	os.WriteFile(filepath.Join(dir, "chat.schema.json"), bytes.Replace(chat, []byte("maxItems\": 16"), []byte("maxItems\": 17"), 1), 0o644)
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Digest == mustDefault(t).Digest {
		t.Error("digest did not change with the schema")
	}
}

// TestEndpoints checks endpoints.json: the paths that select the beta, FIM, Anthropic
// and Responses schemas, in the order that makes the first match right.
func TestEndpoints(t *testing.T) {
	ep := mustDefault(t).Endpoints
	match := func(path string) string {
		for _, p := range ep.Paths {
			if p.Path != "" && path == p.Path || p.Prefix != "" && strings.HasPrefix(path, p.Prefix) {
				return p.Endpoint
			}
		}
		return ep.Default
	}
	for path, want := range map[string]string{
		"":                       "chat",
		"/chat/completions":      "chat",
		"/v1/chat/completions":   "chat",
		"/beta":                  "beta",
		"/beta/chat/completions": "beta",
		"/beta/completions":      "fim",
		"/completions":           "fim-nonbeta",
		"/anthropic":             "anthropic",
		"/anthropic/v1/messages": "anthropic",
		"/anthropic/messages":    "anthropic",
		"/responses":             "responses",
	} {
		if got := match(path); got != want {
			t.Errorf("%q selects %s, want %s", path, got, want)
		}
		if _, ok := EndpointRoots[want]; !ok {
			t.Errorf("%s has no root", want)
		}
	}
	if ep.Host != "api.deepseek.com" {
		t.Errorf("host %s", ep.Host)
	}
}
