// Package app fills requests declared in llm and sends them through a client built
// there: facts carry the binding across the package boundary.
package app

import (
	"llm"
	"oai"
)

func Ask(c *llm.Client, question string) error { // want Ask:"deepseek:chat"
	return c.Do(llm.Request{
		Model: "gpt-4o", // want `model: DeepSeek rejects model "gpt-4o" with 400 "Model Not Exist".*\(DS101\)`
		Messages: []llm.Message{
			{Role: "developer", Content: "Be brief."}, // want `messages\[0\]\.role: DeepSeek rejects role "developer".*\(DS104\)`
			{Role: "user", Content: question},
		},
		N: 2, // want `n: n is OpenAI's field.*\(DS501\)`
	})
}

// The same fields through the OpenAI wrapper stay silent.
func AskOpenAI(c *oai.Client, question string) error {
	return c.Do(oai.Request{
		Model:    "gpt-4o",
		Messages: []map[string]any{{"role": "developer", "content": question}},
	})
}
