// Command startup logs in loops that run once per process.
package main

import "log"

func main() {
	for _, f := range loadConfigFiles() {
		log.Printf("loaded %s", f) // start-up only
	}
	report(loadConfigFiles())
}

func loadConfigFiles() []string { return nil }

func report(files []string) {
	for _, f := range files {
		log.Printf("file %s", f) // only main calls report
	}
}
