// Command genrules writes docs/rules.md from the rule catalogue:
//
//	go run ./internal/ruledoc/cmd/genrules > docs/rules.md
//	go run ./internal/ruledoc/cmd/genrules -o docs/rules.md
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/deepseekvet/deepseekvet/internal/ruledoc"
	"github.com/deepseekvet/deepseekvet/schema"
)

func main() {
	out := flag.String("o", "", "write to this file instead of standard output")
	flag.Parse()
	c, err := schema.Default()
	if err != nil {
		fmt.Fprintf(os.Stderr, "genrules: %v\n", err)
		os.Exit(1)
	}
	page := ruledoc.Render(c)
	if *out == "" {
		_, err = os.Stdout.Write(page)
	} else {
		err = os.WriteFile(*out, page, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "genrules: %v\n", err)
		os.Exit(1)
	}
}
