package flow

// The Responses API: developer is treated as user there, ignored parameters are
// warnings, custom tools other than apply_patch are rejected.
func Respond(q string) error { // want Respond:"deepseek:responses"
	return post("https://api.deepseek.com/responses", map[string]any{
		"model": "deepseek-flash",
		"input": []map[string]any{
			{"role": "developer", "content": "Answer briefly."},
			{"role": "user", "content": q},
		},
		"store": true, // want `store: .*\(DS508\)`
		"tools": []map[string]any{
			{"type": "custom", "name": "run_sql"}, // want `.*\(DS212\)`
		},
	})
}
