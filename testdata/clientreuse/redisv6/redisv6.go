// Package redisv6 uses go-redis v6 (github.com/go-redis/redis, no
// context): its clients are pools like the later versions'.
package redisv6

import (
	"net/http"

	"github.com/go-redis/redis"
)

// A notifier that opens a Redis client per message to read a cached token.
func Notify(w http.ResponseWriter, r *http.Request) {
	client := redis.NewClient(&redis.Options{Addr: "cache:6379"}) // want `redis.NewClient in handler redisv6.Notify builds a new connection pool per request`
	token, _ := client.Get("token").Result()
	_ = token
}

var shared = redis.NewClient(&redis.Options{Addr: "cache:6379"})

// Trap: the package's one client, built once.
func NotifyShared(w http.ResponseWriter, r *http.Request) {
	token, _ := shared.Get("token").Result()
	_ = token
}
