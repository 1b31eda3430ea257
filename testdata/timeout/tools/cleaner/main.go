// A clean-up program its developers run against a CI project.
package main

import "example.com/td/timeout/tools/cleaner/internal/cloud"

func main() { _, _ = cloud.Leaked() }
