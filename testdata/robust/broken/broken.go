// Package broken does not type-check.
package broken

var Body = map[string]any{"model": "deepseek-flash", "messages": undefinedMessages}
