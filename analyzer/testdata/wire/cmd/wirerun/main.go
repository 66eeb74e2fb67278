// Command wirerun runs every wire case against the capture server named by
// WIRE_SERVER: it announces each case to the server, runs it, and prints one JSON
// line per case with the error the SDK returned, if any.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"runtime"
	"strings"
	"time"

	"example.com/wire/anthropicsdk"
	"example.com/wire/deepseekgo"
	"example.com/wire/godeepseek"
	"example.com/wire/goopenai"
	_ "example.com/wire/internal/redirect"
	"example.com/wire/langchain"
	"example.com/wire/openaigo"
)

type result struct {
	Case string `json:"case"`
	Err  string `json:"err,omitempty"`
}

func main() {
	server := os.Getenv("WIRE_SERVER")
	if server == "" {
		fmt.Fprintln(os.Stderr, "wirerun: WIRE_SERVER is not set")
		os.Exit(2)
	}
	var all []func(context.Context) error
	for _, cases := range [][]func(context.Context) error{
		goopenai.Cases, openaigo.Cases, deepseekgo.Cases, godeepseek.Cases, anthropicsdk.Cases, langchain.Cases,
	} {
		all = append(all, cases...)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, c := range all {
		name := runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name()
		name = strings.TrimPrefix(name, "example.com/wire/")
		resp, err := http.Post("http://"+server+"/__wire/case", "text/plain", strings.NewReader(name))
		if err != nil {
			fmt.Fprintln(os.Stderr, "wirerun:", err)
			os.Exit(1)
		}
		resp.Body.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		r := result{Case: name}
		if err := c(ctx); err != nil {
			r.Err = err.Error()
		}
		cancel()
		enc.Encode(r)
	}
}
