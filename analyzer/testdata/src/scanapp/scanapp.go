// Package scanapp picks the provider per call: only the call that passes
// DeepSeek's URL is checked against DeepSeek's contract, with its own model.
package scanapp

import "scanlib"

func Detect(provider, prompt string) error { // want Detect:"deepseek:chat\\+other"
	switch provider {
	case "kimi":
		model := "moonshot-v1-8k"
		url := "https://api.moonshot.cn/v1/chat/completions"
		return scanlib.Scan(model, url, prompt)
	case "deepseek":
		model := "deepseek-chat"                              // want `model: model "deepseek-chat" was retired.*built by scanlib.Scan.*\(DS102\)`
		url := "https://api.deepseek.com/v1/chat/completions" // want `temperature: DeepSeek ignores temperature in thinking mode.*built by scanlib.Scan.*\(DS504\)`
		return scanlib.Scan(model, url, prompt)
	case "qwen":
		return scanlib.Scan("qwen-plus", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions", prompt)
	}
	return nil
}
