package schema

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzSchemaLoad feeds arbitrary bytes as an override chat.schema.json: Load must
// return a contract or an error naming the file, never panic, never fetch.
func FuzzSchemaLoad(f *testing.F) {
	chat, _ := files.ReadFile("chat.schema.json")
	for _, seed := range []string{string(chat), `{}`, `{"$defs":{"request":{"$ref":"http://127.0.0.1:1/x.json"}}}`, `{"$ref": "#/$defs/x"}`, `[`, `{"$defs":{"request":{"type":"object","x-deepseekvet":{"rule":"DS101","bogus":1}}}}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "chat.schema.json"), data, 0o644)
		c, err := Load(dir)
		if err == nil && c == nil {
			t.Fatal("nil contract without error")
		}
		if err != nil && strings.Contains(err.Error(), "dial tcp") {
			t.Fatalf("Load reached the network: %v", err)
		}
	})
}

// FuzzValidate validates arbitrary JSON against every root: never a panic, and every
// violation carries a rule.
func FuzzValidate(f *testing.F) {
	for _, seed := range []string{
		`{"model":"deepseek-flash","messages":[{"role":"user","content":"hi"}]}`,
		`{"model":"deepseek-chat","messages":[{"role":"assistant","prefix":true,"content":[{"type":"image_url"}]}],"tools":[{}],"tool_choice":{"type":"function"},"response_format":{"type":"json_object"},"stream_options":{}}`,
		`{"prompt":"x","model":7}`, `[]`, `null`, `{"messages":{}}`,
		`{"model":"DeepSeek-Flash","messages":[{"role":"assistant","content":"","tool_calls":[{"id":"a"},{"id":7},"x"]},{"role":"tool","tool_call_id":"b"},{"role":"tool","tool_call_id":["a"]}],"tools":[{"type":"function","function":{"name":"f","strict":true,"parameters":{"type":["object"],"properties":{"a":{"minLength":1,"format":"uri"}},"required":"a","$def":{"x":[]}}}}]}`,
		`{"model":"claude-x","input":[{"role":"developer"}],"tools":[{"type":"custom","name":1}],"previous_response_id":null}`,
	} {
		f.Add(seed)
	}
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var doc any
		d := json.NewDecoder(strings.NewReader(text))
		d.UseNumber()
		if d.Decode(&doc) != nil {
			return
		}
		for _, ep := range endpoints {
			vs, err := c.Validate(ep, doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				if v.Rule == nil {
					t.Fatalf("%s %s: violation without a rule: %+v", ep, text, v)
				}
			}
		}
	})
}
