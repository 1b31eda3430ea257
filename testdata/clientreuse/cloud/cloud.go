// Package cloud builds clients of cloud and messaging SDKs: per request
// and per item (reported), once at start-up (not reported).
package cloud

import (
	"context"
	"net/http"
	"sync"

	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/segmentio/kafka-go"
)

var sharedCfg aws.Config

// Positives: a client per request.

func Upload(w http.ResponseWriter, r *http.Request) {
	// LoadDefaultConfig's HTTP client is built lazily: the service client
	// made from it is where the pool is reported, once.
	cfg, _ := config.LoadDefaultConfig(r.Context())
	client := s3.NewFromConfig(cfg) // want `s3.NewFromConfig in handler cloud.Upload builds a new connection pool per request: .*; load the aws.Config and build the service client once`
	_ = client
}

func UploadShared(w http.ResponseWriter, r *http.Request) {
	client := s3.NewFromConfig(sharedCfg) // want `s3.NewFromConfig in handler cloud.UploadShared builds a new connection pool per request`
	_ = client
}

func UploadOptions(w http.ResponseWriter, r *http.Request) {
	client := s3.New(s3.Options{Region: "eu-west-1"}) // want `s3.New in handler cloud.UploadOptions builds a new connection pool per request`
	_ = client
}

func Objects(w http.ResponseWriter, r *http.Request) {
	mc, _ := minio.New("play.min.io", &minio.Options{Secure: true}) // want `minio.New in handler cloud.Objects builds a new connection pool per request`
	_ = mc
}

func Publish(w http.ResponseWriter, r *http.Request) {
	wr := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "orders"} // want `kafka.Writer in handler cloud.Publish builds a new producer per request: a new writer never fills a batch.*; build one writer at start-up`
	_ = wr.WriteMessages(r.Context(), kafka.Message{Value: []byte("x")})
	_ = wr.Close()
	old := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka:9092"}, Topic: "orders"}) // want `kafka.NewWriter in handler cloud.Publish builds a new connection pool per request`
	_ = old
	p, _ := sarama.NewSyncProducer([]string{"kafka:9092"}, nil) // want `sarama.NewSyncProducer in handler cloud.Publish builds a new connection pool per request`
	_ = p
	ap, _ := sarama.NewAsyncProducer([]string{"kafka:9092"}, nil) // want `sarama.NewAsyncProducer in handler cloud.Publish builds`
	_ = ap
	c, _ := sarama.NewClient([]string{"kafka:9092"}, nil) // want `sarama.NewClient in handler cloud.Publish builds`
	_ = c
}

func Notify(w http.ResponseWriter, r *http.Request) {
	nc, _ := nats.Connect(nats.DefaultURL) // want `nats.Connect in handler cloud.Notify builds a new connection pool per request`
	defer nc.Close()
	conn, _ := amqp.Dial("amqp://guest:guest@localhost:5672/") // want `amqp091.Dial in handler cloud.Notify builds`
	defer conn.Close()
	conn2, _ := amqp.DialConfig("amqp://localhost/", amqp.Config{}) // want `amqp091.DialConfig in handler cloud.Notify builds`
	defer conn2.Close()
}

// Positives: a client per item.

func MirrorBuckets(ctx context.Context, regions []string) {
	for _, region := range regions {
		client := s3.NewFromConfig(sharedCfg, func(o *s3.Options) { o.Region = region }) // want `s3.NewFromConfig inside a loop builds a new connection pool per iteration`
		_ = client
		mc, _ := minio.New(region+".example.com", &minio.Options{}) // want `minio.New inside a loop builds a new connection pool per iteration`
		_ = mc
	}
}

func SendAll(ctx context.Context, topics []string, msgs []kafka.Message) {
	for _, t := range topics {
		wr := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: t} // want `kafka.Writer inside a loop builds a new producer per iteration`
		_ = wr.WriteMessages(ctx, msgs...)
		nc, _ := nats.Connect(nats.DefaultURL) // want `nats.Connect inside a loop`
		_ = nc.Publish(t, nil)
		p, _ := sarama.NewSyncProducer([]string{"kafka:9092"}, nil) // want `sarama.NewSyncProducer inside a loop`
		_ = p
	}
}

// Negatives.

// Built once in a constructor and kept in struct fields: the handler
// methods use them.
type Service struct {
	s3     *s3.Client
	writer *kafka.Writer
	nc     *nats.Conn
	prod   sarama.SyncProducer
}

func NewService(ctx context.Context) (*Service, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	nc, err := nats.Connect(nats.DefaultURL)
	if err != nil {
		return nil, err
	}
	prod, err := sarama.NewSyncProducer([]string{"kafka:9092"}, nil)
	if err != nil {
		return nil, err
	}
	return &Service{
		s3:     s3.NewFromConfig(cfg),
		writer: &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "orders"},
		nc:     nc,
		prod:   prod,
	}, nil
}

func (s *Service) Put(w http.ResponseWriter, r *http.Request) {
	_, _ = s.s3.ListBuckets(r.Context(), &s3.ListBucketsInput{})
	_ = s.writer.WriteMessages(r.Context(), kafka.Message{Value: []byte("x")})
	_ = s.nc.Publish("orders", nil)
}

// A presign client wraps a shared service client and a paginator pages
// through one: neither builds a client of its own, whatever their names.
func (s *Service) Presign(w http.ResponseWriter, r *http.Request) {
	ps := s3.NewPresignClient(s.s3)
	_ = ps
	pg := s3.NewListObjectsV2Paginator(s.s3, &s3.ListObjectsV2Input{})
	_ = pg
}

// A producer built on a shared client uses the client's broker
// connections: no new pool.
func (s *Service) FromClient(shared sarama.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, _ := sarama.NewSyncProducerFromClient(shared)
		_ = p
	}
}

// Messages are plain values, however many are built per request.
func (s *Service) Batch(w http.ResponseWriter, r *http.Request, items []string) {
	for _, it := range items {
		_ = kafka.Message{Value: []byte(it)}
	}
}

var (
	ncOnce sync.Once
	nc     *nats.Conn
)

// Built in a sync.Once: once per process, though the handler calls it.
func Lazy(w http.ResponseWriter, r *http.Request) {
	ncOnce.Do(func() {
		nc, _ = nats.Connect(nats.DefaultURL)
	})
}

var lazyMinio = sync.OnceValue(func() *minio.Client {
	mc, _ := minio.New("play.min.io", &minio.Options{})
	return mc
})

func LazyValue(w http.ResponseWriter, r *http.Request) {
	_ = lazyMinio()
}

var amqpConn *amqp.Connection

func init() {
	amqpConn, _ = amqp.Dial("amqp://localhost/")
}

// A look-alike: a NewFromConfig of this package returning its own *Client
// is not an AWS service client.
type Client struct{}

func NewFromConfig(cfg aws.Config) *Client { return &Client{} }

func LookAlike(w http.ResponseWriter, r *http.Request) {
	_ = NewFromConfig(sharedCfg)
}
