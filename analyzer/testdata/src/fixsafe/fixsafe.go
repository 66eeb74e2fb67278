// Package fixsafe holds fixes that would not compile if applied naively: every
// fix deepseekvet offers here must leave the package type-checking.
package fixsafe

import "encoding/json"

const url = "https://api.deepseek.com/chat/completions"

func send(string, []byte) {}

func post(body any) {
	b, _ := json.Marshal(body)
	send(url, b)
}

var user = []map[string]any{{"role": "user", "content": "hi"}}

// localOnlyHere: the local goes with the key that alone uses it.
func localOnlyHere() {
	seed := 42
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": user,
		"seed":     seed, // want `seed: seed is OpenAI's field.*\(DS501\)`
	})
}

// pointerToLocal: the same through &, as go-openai's Seed: &seed.
func pointerToLocal() {
	var seed = 7
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": user,
		"seed":     &seed, // want `seed: seed is OpenAI's field.*\(DS501\)`
	})
}

// localUsedElsewhere: the local stays.
func localUsedElsewhere() int {
	k := 40
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": user,
		"top_k":    k, // want `top_k: top_k is Anthropic's field.*\(DS501\)`
	})
	return k
}

func next() int { return 3 }

// localFromCall: removing the declaration would drop the call, keeping it would
// not compile: no fix.
func localFromCall() {
	k := next()
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": user,
		"top_k":    k, // want `top_k: top_k is Anthropic's field.*\(DS501\)`
	})
}

// sharedLocal: two keys share a local. Each fix alone would compile, both
// together would not: one is offered (n's, checked first), the other only once it
// is applied.
func sharedLocal() {
	k := 2
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": user,
		"top_k":    k, // want `top_k: top_k is Anthropic's field.*\(DS501\)`
		"n":        k, // want `n: n is OpenAI's field.*\(DS501\)`
	})
}

// renameOntoExisting: max_tokens is already there, so max_completion_tokens goes
// rather than becoming a duplicate key (which would not compile).
func renameOntoExisting() {
	post(map[string]any{
		"model":                 "deepseek-flash",
		"messages":              user,
		"max_tokens":            100,
		"max_completion_tokens": 200, // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*\(DS501\)`
	})
}

// request has both names: renaming the tag would give two fields the JSON name
// max_tokens, and encoding/json would drop both. No fix.
type request struct { // want request:"deepseek:chat"
	Model               string           `json:"model"`
	Messages            []map[string]any `json:"messages"`
	MaxTokens           int              `json:"max_tokens,omitempty"`
	MaxCompletionTokens int              `json:"max_completion_tokens,omitempty"` // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*\(DS501\)`
}

// typed sends a request.
func typed() {
	post(request{Model: "deepseek-flash", Messages: user, MaxTokens: 10})
	post(request{Model: "deepseek-flash", Messages: user, MaxCompletionTokens: 10})
}
