// Command gorender times mou's template engine for bench/compare.sh:
// gorender TEMPLATE ROWS REPEAT prints milliseconds per render.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"time"

	"mou/assemble/wordtemplate"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: gorender TEMPLATE ROWS REPEAT")
		os.Exit(2)
	}
	n, _ := strconv.Atoi(os.Args[2])
	repeat, _ := strconv.Atoi(os.Args[3])
	rows := make([]map[string]any, n)
	for i := range rows {
		rows[i] = map[string]any{"name": fmt.Sprintf("Organisation %d", i), "amount": 1000 + i}
	}
	data := map[string]any{"rows": rows}
	for _, f := range []string{"title", "area", "date", "lead", "police", "health", "council", "review", "contact", "version"} {
		data[f] = "The " + f
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// GORENDER_CPUPROFILE=file writes a CPU profile of the timed loop.
	if p := os.Getenv("GORENDER_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	for i := 0; i < repeat; i++ {
		// Parse inside the loop: the peers also load the template each time.
		t, err := wordtemplate.Parse("bench.docx", src)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if _, err := t.Render(data); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("%.3f\n", float64(time.Since(start).Microseconds())/1000/float64(repeat))
}
