// Package deps pins, through blank imports, every third-party module the
// analysistest packages in this testdata module use, so that `go mod tidy`
// keeps them in go.mod and `go mod download` fetches them for offline tests.
package deps

import (
	_ "github.com/gin-gonic/gin"
	_ "github.com/go-chi/chi/v5"
	_ "github.com/go-logr/logr"
	_ "github.com/gofiber/fiber/v2"
	_ "github.com/gorilla/mux"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jmoiron/sqlx"
	_ "github.com/labstack/echo/v4"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/rs/zerolog"
	_ "github.com/rs/zerolog/log"
	_ "github.com/samber/lo"
	_ "github.com/sirupsen/logrus"
	_ "go.mongodb.org/mongo-driver/v2/mongo"
	_ "go.uber.org/zap"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/sync/semaphore"
	_ "google.golang.org/grpc"
	_ "gorm.io/gorm"
	_ "k8s.io/klog/v2"
)
