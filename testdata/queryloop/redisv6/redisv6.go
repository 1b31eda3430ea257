// Package redisv6: go-redis v6 commands are round-trips; on a pipeline
// they are queued.
package redisv6

import (
	"encoding/json"
	"net/http"

	"github.com/go-redis/redis"
)

type Server struct{ rdb *redis.Client }

func (s *Server) Tokens(w http.ResponseWriter, r *http.Request) {
	var keys []string
	_ = json.NewDecoder(r.Body).Decode(&keys)
	for _, k := range keys {
		_, _ = s.rdb.Get(k).Result() // want `\(\*redis.cmdable\).Get inside a loop`
	}
	pipe := s.rdb.Pipeline()
	for _, k := range keys {
		pipe.Get(k)
	}
	_, _ = pipe.Exec()
}
