// Package multicli overrides multiapp's roles from the command line: the sink
// multillm's Config is passes through multiapp's Role to here.
package multicli

import (
	"flag"

	"multiapp"
)

func Roles() []multiapp.Role {
	pro, con := multiapp.Pro, multiapp.Con
	if *reason {
		pro.Model = "deepseek-reasoner" // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
		con.Model = "qwen-max"
	}
	return []multiapp.Role{pro, con}
}

var reason = flag.Bool("reason", false, "use the reasoning models")
