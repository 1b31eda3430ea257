// Package broker sets up a message broker over its admin API, at start-up,
// and publishes to it from handlers.
package broker

import (
	"io"
	"net/http"
	"net/url"
)

// Admin is what the program needs of a broker's admin API. Its methods
// are called only through it.
type Admin interface {
	CreateUser(name, password string) error
	Publish(topic, message string) error
}

// Cloud is a hosted broker.
type Cloud struct{ URL string }

// CreateUser runs once, from Setup, which only main calls: a stall holds
// up the start-up. Alone, nothing tells who calls it.
func (c *Cloud) CreateUser(name, password string) error {
	resp, err := (&http.Client{}).PostForm(c.URL+"/users", url.Values{"name": {name}, "password": {password}}) // whole: timeout "\[low: sent once while the process starts" // alone: timeout "\[high:"
	return drain(resp, err)
}

// Publish runs on every request of a handler, through Admin.
func (c *Cloud) Publish(topic, message string) error {
	resp, err := (&http.Client{}).PostForm(c.URL+"/publish", url.Values{"topic": {topic}, "message": {message}}) // both: timeout "\[high:"
	return drain(resp, err)
}

// Setup runs once, from main.
func Setup(a Admin) error { return a.CreateUser("admin", "secret") }

func drain(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Store is generic, its type parameter named otherwise than its
// implementation's: their methods' signatures do not read alike.
type Store[E any] interface {
	Save(v E) error
}

// Log keeps events of any type.
type Log[T any] struct{ URL string }

// Save runs from a handler through Store[string]: no start-up placement
// may hide that.
func (l *Log[T]) Save(v T) error {
	resp, err := (&http.Client{}).PostForm(l.URL, url.Values{"v": {"x"}}) // both: timeout "\[high:"
	return drain(resp, err)
}

// SaveAt runs once from main through Store[string].
func SaveAt(s Store[string]) error { return s.Save("started") }
