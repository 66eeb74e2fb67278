package p

const url = "https://api.deepseek.com/chat/completions"

func post(string, any) {}

func Ask() {
	post(url, map[string]any{
		"model":                 "deepseek-reasoner",
		"messages":              []map[string]any{{"role": "user", "content": "hi"}},
		"max_completion_tokens": 10,
	})
}
