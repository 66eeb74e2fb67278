package schema

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// validationCase is a JSON instance, the root it is validated against and the
// (instance, rule) pairs it must produce; an empty want is a trap: nothing may be
// reported. COVERAGE.md names these cases as TestContract/<name>.
type validationCase struct {
	name string
	ep   Endpoint
	doc  string
	want []string
}

func runCases(t *testing.T, c *Contract, cases []validationCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			vs, err := c.Validate(tc.ep, decode(t, tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			seen := map[string]bool{}
			for _, v := range vs {
				k := v.Instance + " " + v.Rule.ID
				if !seen[k] {
					seen[k] = true
					got = append(got, k)
				}
			}
			sort.Strings(got)
			want := append([]string(nil), tc.want...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

// Building blocks of the cases below.
const (
	user        = `{"role":"user","content":"hi"}`
	noThinking  = `"thinking":{"type":"disabled"}`
	strictTool  = `{"type":"function","function":{"name":"f","strict":true,"parameters":%s}}`
	goodStrict  = `{"type":"object","properties":{"city":{"type":"string","format":"hostname"},"n":{"type":"integer","minimum":1},"tags":{"type":"array","items":{"type":"string","pattern":"^[a-z]+$"}},"unit":{"anyOf":[{"type":"string","enum":["c","f"]},{"type":"null"}]},"where":{"$ref":"#/$def/place"}},"required":["city","n","tags","unit","where"],"additionalProperties":false,"$def":{"place":{"type":"object","properties":{"lat":{"type":"number"}},"required":["lat"],"additionalProperties":false}}}`
	assistCalls = `{"role":"assistant","content":"","reasoning_content":"r","tool_calls":[%s]}`
	call        = `{"id":"%s","type":"function","function":{"name":"f","arguments":"{}"}}`
	toolAnswer  = `{"role":"tool","tool_call_id":"%s","content":"42"}`
)

func chatDoc(extra string, messages ...string) string {
	if len(messages) == 0 {
		messages = []string{user}
	}
	doc := `{"model":"deepseek-flash","messages":[` + strings.Join(messages, ",") + `]`
	if extra != "" {
		doc += "," + extra
	}
	return doc + "}"
}

func strictDoc(params string) string {
	return chatDoc(`"tools":[` + fmt.Sprintf(strictTool, params) + `]`)
}

var contractCases = []validationCase{
	// Strict function calling (C7): the parameter schema subset, all tools strict.
	{"strict subset followed", ChatBeta, strictDoc(goodStrict), nil},
	{"strict minLength", ChatBeta, strictDoc(`{"type":"object","properties":{"city":{"type":"string","minLength":1}},"required":["city"],"additionalProperties":false}`),
		[]string{"/tools/0/function/parameters/properties/city/minLength DS108"}},
	{"strict maxLength, minItems, maxItems nested", ChatBeta, strictDoc(`{"type":"object","properties":{"a":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"string","maxLength":9}},"b":{"anyOf":[{"type":"string","minLength":2},{"type":"null"}]}},"required":["a","b"],"additionalProperties":false}`),
		[]string{"/tools/0/function/parameters/properties/a/items/maxLength DS108", "/tools/0/function/parameters/properties/a/maxItems DS108", "/tools/0/function/parameters/properties/a/minItems DS108", "/tools/0/function/parameters/properties/b/anyOf/0/minLength DS108"}},
	{"strict format outside the subset", ChatBeta, strictDoc(`{"type":"object","properties":{"when":{"type":"string","format":"date-time"},"mail":{"type":"string","format":"email"}},"required":["when","mail"],"additionalProperties":false}`),
		[]string{"/tools/0/function/parameters/properties/when/format DS108"}},
	{"strict object without additionalProperties false", ChatBeta, strictDoc(`{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}`),
		[]string{"/tools/0/function/parameters DS108"}},
	{"strict object with additionalProperties true", ChatBeta, strictDoc(`{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":true}`),
		[]string{"/tools/0/function/parameters/additionalProperties DS108"}},
	{"strict property missing from required", ChatBeta, strictDoc(`{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}},"required":["city"],"additionalProperties":false}`),
		[]string{"/tools/0/function/parameters/properties/unit DS108"}},
	{"strict nested object and $def", ChatBeta, strictDoc(`{"type":"object","properties":{"where":{"type":"object","properties":{"lat":{"type":"number"}}}},"required":["where"],"additionalProperties":false,"$def":{"p":{"type":"object","properties":{"x":{"type":"string"}},"required":["x"]}}}`),
		[]string{"/tools/0/function/parameters/$def/p DS108", "/tools/0/function/parameters/properties/where DS108", "/tools/0/function/parameters/properties/where/properties/lat DS108"}},
	{"non-strict function may use minLength", ChatNonBeta, chatDoc(`"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"city":{"type":"string","minLength":1}}}}}]`), nil},
	{"strict false is not strict", ChatBeta, chatDoc(`"tools":[{"type":"function","function":{"name":"f","strict":false,"parameters":{"type":"object","properties":{"city":{"type":"string","minLength":1}}}}}]`), nil},
	{"strict on some tools only", ChatBeta, chatDoc(`"tools":[` + fmt.Sprintf(strictTool, goodStrict) + `,{"type":"function","function":{"name":"g"}},{"type":"function","function":{"name":"h","strict":false}}]`),
		[]string{"/tools/1/function DS211", "/tools/2/function/strict DS211"}},
	{"strict on every tool", ChatBeta, chatDoc(`"tools":[` + fmt.Sprintf(strictTool, goodStrict) + `,{"type":"function","function":{"name":"g","strict":true}}]`), nil},
	{"strict on the non-beta URL, outside the subset", ChatNonBeta, strictDoc(`{"type":"object","properties":{"city":{"type":"string","maxLength":5}},"required":["city"],"additionalProperties":false}`),
		[]string{"/tools/0/function/parameters/properties/city/maxLength DS108", "/tools/0/function/strict DS206"}},

	// C8: tool messages answer the preceding assistant's tool_calls.
	{"tool loop answers every id", Chat, chatDoc(`"tools":[{"type":"function","function":{"name":"f"}}]`,
		user, fmt.Sprintf(assistCalls, fmt.Sprintf(call, "a")+","+fmt.Sprintf(call, "b")), `{"role":"system","content":"note"}`, fmt.Sprintf(toolAnswer, "b"), fmt.Sprintf(toolAnswer, "a"),
		`{"role":"assistant","content":"done","reasoning_content":"r"}`, user), nil},
	{"tool message without a preceding tool call", Chat, chatDoc(noThinking, user, fmt.Sprintf(toolAnswer, "x")),
		[]string{"/messages/1/tool_call_id DS210"}},
	{"tool message answering another id", Chat, chatDoc(noThinking, user, fmt.Sprintf(assistCalls, fmt.Sprintf(call, "a")), fmt.Sprintf(toolAnswer, "a"), fmt.Sprintf(toolAnswer, "z")),
		[]string{"/messages/3/tool_call_id DS210"}},
	{"tool call unanswered before the next user message", Chat, chatDoc(noThinking, user, fmt.Sprintf(assistCalls, fmt.Sprintf(call, "a")+","+fmt.Sprintf(call, "b")), fmt.Sprintf(toolAnswer, "a"), user),
		[]string{"/messages/1/tool_calls/1/id DS210"}},
	{"tool call unanswered at the end", Chat, chatDoc(noThinking, user, fmt.Sprintf(assistCalls, fmt.Sprintf(call, "a"))),
		[]string{"/messages/1/tool_calls/0/id DS210"}},
	{"tool answer after a user message", Chat, chatDoc(noThinking, user, fmt.Sprintf(assistCalls, fmt.Sprintf(call, "a")), fmt.Sprintf(toolAnswer, "a"), user, fmt.Sprintf(toolAnswer, "a")),
		[]string{"/messages/4/tool_call_id DS210"}},
	{"tool call unanswered before the next assistant message", Chat, chatDoc(noThinking, user, fmt.Sprintf(assistCalls, fmt.Sprintf(call, "a")), `{"role":"assistant","content":"x"}`, user),
		[]string{"/messages/1/tool_calls/0/id DS210"}},

	// Model names: letter case (DS507), retired, legacy, unknown; on every endpoint.
	{"model in other letter case", Chat, `{"model":"DeepSeek-V4-Flash","messages":[` + user + `]}`, []string{"/model DS507"}},
	{"model in capitals", Chat, `{"model":"DEEPSEEK-FLASH","messages":[` + user + `]}`, []string{"/model DS507"}},
	{"retired model in other letter case", Chat, `{"model":"DeepSeek-Chat","messages":[` + user + `]}`, []string{"/model DS102"}},
	{"documented model ids", Chat, `{"model":"deepseek-v4-pro","messages":[` + user + `]}`, nil},
	{"FIM model in other letter case", FIM, `{"model":"DeepSeek-Flash","prompt":"def f("}`, []string{"/model DS507"}},
	{"undocumented field", Chat, chatDoc(`"temprature":0.7`), []string{"/temprature DS502"}},
	{"undocumented role latest_reminder", Chat, chatDoc("", user, `{"role":"latest_reminder","content":"x"}`), []string{"/messages/1/role DS502"}},
	{"unknown role", Chat, chatDoc("", `{"role":"function","content":"x"}`), []string{"/messages/0/role DS104"}},
	{"unknown content part type", Chat, chatDoc("", `{"role":"user","content":[{"type":"tool_reference","id":"x"}]}`), []string{"/messages/0/content/0/type DS104"}},
	{"undocumented thinking type", Chat, chatDoc(`"thinking":{"type":"auto"}`), []string{"/thinking/type DS104"}},
	{"filename without file_data", Chat, chatDoc("", `{"role":"user","content":[{"type":"file","file_id":"file-api-1","filename":"a.png"}]}`), []string{"/messages/0/content/0 DS104"}},
	{"file_id and file_data together", Chat, chatDoc("", `{"role":"user","content":[{"type":"file","file_id":"file-api-1","file_data":"data:image/png;base64,AA=="}]}`), []string{"/messages/0/content/0/file_data DS104"}},
	{"file part with file_data and filename", Chat, chatDoc("", `{"role":"user","content":[{"type":"file","file_data":"data:image/png;base64,AA==","filename":"a.png"}]}`), nil},
	{"too many stop sequences", Chat, chatDoc(`"stop":["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17"]`), []string{"/stop DS105"}},
	{"string max_tokens is a type error", Chat, chatDoc(`"max_tokens":"100"`), []string{"/max_tokens DS103"}},
	{"empty messages", Chat, `{"model":"deepseek-flash","messages":[]}`, []string{"/messages DS105"}},
	{"undocumented response_format type", Chat, chatDoc(`"response_format":{"type":"xml"}`), []string{"/response_format/type DS104"}},
	{"wrong types of logprobs, stream_options, name, content, parameters", Chat, chatDoc(noThinking+`,"logprobs":"true","stream":true,"stream_options":{"include_usage":"yes","chunks":1},"tools":[{"type":"function","function":{"name":"f","parameters":"{}"}}]`, `{"role":"user","content":5,"name":7}`),
		[]string{"/logprobs DS103", "/messages/0/content DS103", "/messages/0/name DS103", "/stream_options/chunks DS502", "/stream_options/include_usage DS103", "/tools/0/function/parameters DS103"}},
	{"tool content parts", Chat, chatDoc(noThinking, user, fmt.Sprintf(assistCalls, fmt.Sprintf(call, "a")), `{"role":"tool","tool_call_id":"a","content":[{"type":"text","text":"42"}]}`), []string{"/messages/2/content DS208"}},
	{"undocumented reasoning_effort", Chat, chatDoc(`"reasoning_effort":"bogus"`), []string{"/reasoning_effort DS104"}},
	{"mapped reasoning_effort values", Chat, chatDoc(`"reasoning_effort":"xhigh"`), nil},
	{"tool_choice any", Chat, chatDoc(noThinking + `,"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"any"`), []string{"/tool_choice DS104"}},
	{"named tool_choice, thinking off", Chat, chatDoc(noThinking + `,"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"f"}}`), nil},
	{"tool type other than function", Chat, chatDoc(noThinking + `,"tools":[{"type":"retrieval","function":{"name":"f"}}]`), []string{"/tools/0/type DS104"}},
	{"more than 128 tools", Chat, chatDoc(noThinking + `,"tools":[` + strings.TrimSuffix(strings.Repeat(`{"type":"function","function":{"name":"f"}},`, 129), ",") + `]`), []string{"/tools DS105"}},
	{"response_format type as an object", Chat, chatDoc(`"response_format":{"type":{"json":true}}`), []string{"/response_format/type DS103"}},
	{"user_id longer than 512", Chat, chatDoc(`"user_id":"` + strings.Repeat("u", 513) + `"`), []string{"/user_id DS105"}},
	{"image url longer than 8192 and unknown detail", Chat, chatDoc("", `{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/`+strings.Repeat("a", 8192)+`","detail":"max"}}]}`),
		[]string{"/messages/0/content/0/image_url/detail DS104", "/messages/0/content/0/image_url/url DS105"}},
	{"assistant content null and name", Chat, chatDoc(noThinking, `{"role":"system","content":"s","name":"a"}`, user, `{"role":"assistant","content":null,"name":"b"}`, user), nil},
	{"FIM missing prompt, logprobs over 20, echo not boolean", FIM, `{"model":"deepseek-flash","logprobs":21,"echo":"yes"}`, []string{" DS106", "/echo DS103", "/logprobs DS105"}},
	{"FIM stream_options without stream", FIM, `{"model":"deepseek-flash","prompt":"x","stream_options":{"include_usage":true},"suffix":null,"stop":["a"]}`, []string{" DS201"}},
	{"FIM messages instead of prompt", FIM, `{"model":"deepseek-flash","prompt":"x","messages":[]}`, []string{"/messages DS502"}},

	// Anthropic-compatible endpoint: claude* accepted, other non-DeepSeek names 400.
	{"anthropic claude names", Anthropic, `{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[` + user + `]}`, nil},
	{"anthropic claude opus", Anthropic, `{"model":"claude-opus-4-1","max_tokens":100,"messages":[` + user + `]}`, nil},
	{"anthropic DeepSeek model", Anthropic, `{"model":"deepseek-flash","max_tokens":100,"messages":[` + user + `]}`, nil},
	{"anthropic retired model", Anthropic, `{"model":"deepseek-chat","max_tokens":100,"messages":[` + user + `]}`, []string{"/model DS102"}},
	{"anthropic legacy model", Anthropic, `{"model":"deepseek-v4-flash","max_tokens":100,"messages":[` + user + `]}`, []string{"/model DS505"}},
	{"anthropic unknown model", Anthropic, `{"model":"gpt-4o","max_tokens":100,"messages":[` + user + `]}`, []string{"/model DS101"}},
	{"anthropic model in other letter case", Anthropic, `{"model":"DeepSeek-V4-Pro","max_tokens":100,"messages":[` + user + `]}`, []string{"/model DS507"}},
	{"anthropic Claude capitalised", Anthropic, `{"model":"Claude-Sonnet-4-5","max_tokens":100,"messages":[` + user + `]}`, []string{"/model DS507"}},
	{"anthropic ignored fields", Anthropic, `{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[` + user + `],"top_k":5,"metadata":{"user_id":"u","tier":"x"},"thinking":{"type":"enabled","budget_tokens":1024}}`,
		[]string{"/metadata/tier DS508", "/thinking/budget_tokens DS508", "/top_k DS508"}},
	{"anthropic temperature range", Anthropic, `{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[` + user + `],"temperature":2.5}`, []string{"/temperature DS105"}},
	{"anthropic missing max_tokens", Anthropic, `{"model":"claude-sonnet-4-5","messages":[` + user + `]}`, []string{" DS106"}},
	{"anthropic unsupported content block", Anthropic, `{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{}}]}]}`, []string{"/messages/0/content/0/type DS502"}},
	{"anthropic output_config effort", Anthropic, `{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[` + user + `],"output_config":{"effort":"medium","format":{}}}`,
		[]string{"/output_config/effort DS104", "/output_config/format DS502"}},

	// Responses API.
	{"responses developer message", Responses, `{"model":"deepseek-flash","input":[{"role":"developer","content":"Be brief."},{"role":"user","content":"hi"}],"tool_choice":"required","tools":[{"type":"function","name":"f","parameters":{"type":"object","properties":{}}}]}`, nil},
	{"responses ignored parameters", Responses, `{"model":"deepseek-flash","input":"hi","previous_response_id":"resp_1","store":true,"metadata":{"a":"b"},"parallel_tool_calls":false,"include":["reasoning.encrypted_content"],"service_tier":"auto"}`,
		[]string{"/include DS508", "/metadata DS508", "/parallel_tool_calls DS508", "/previous_response_id DS508", "/service_tier DS508", "/store DS508"}},
	{"responses custom tool", Responses, `{"model":"deepseek-flash","input":"hi","tools":[{"type":"custom","name":"run_sql"},{"type":"custom","name":"apply_patch"},{"type":"function","name":"g"}]}`,
		[]string{"/tools/0/name DS212"}},
	{"responses apply_patch custom tool", Responses, `{"model":"deepseek-v4-pro","input":"hi","tools":[{"type":"custom","name":"apply_patch","format":{"type":"grammar"}}]}`, nil},
	{"responses unknown model", Responses, `{"model":"gpt-4.1","input":"hi"}`, []string{"/model DS101"}},
	{"responses retired and legacy models", Responses, `{"model":"deepseek-reasoner","input":"hi"}`, []string{"/model DS102"}},
	{"responses model in other letter case", Responses, `{"model":"DeepSeek-Flash","input":"hi"}`, []string{"/model DS507"}},
}

func TestContract(t *testing.T) { runCases(t, mustDefault(t), contractCases) }
