// Package cgopkg uses cgo next to a payload.
package cgopkg

/*
static int answer(void) { return 42; }
*/
import "C"

var Body = map[string]any{
	"model":    "deepseek-flash",
	"messages": []map[string]any{{"role": "user", "content": "hi"}},
	"n":        int(C.answer()),
}
