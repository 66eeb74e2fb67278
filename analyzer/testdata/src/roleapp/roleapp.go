// Package roleapp fills rolelib's shared config from a table of roles: only the
// roles that name DeepSeek are DeepSeek's.
package roleapp

import "rolelib"

var roles = map[string]rolelib.Config{
	"coder":    {Provider: "deepseek", Model: "deepseek-v4-pro", Temperature: 0.2}, // want `temperature: DeepSeek ignores temperature in thinking mode.*\(DS504\)`
	"reviewer": {Provider: "openai", Model: "gpt-4.1", Temperature: 0.3},
}

func Run(role, task string) error { // want Run:"deepseek:chat\\+other"
	return rolelib.New(roles[role]).Run(task)
}
