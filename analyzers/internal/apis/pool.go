package apis

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// poolConstructors build a connection pool meant to live as long as the
// process: every one of them dials, handshakes and keeps idle connections.
var poolConstructors = func() nameSet {
	s := make(nameSet)
	s.add("database/sql", "", "Open", "OpenDB")
	s.add("github.com/jmoiron/sqlx", "", "Open", "Connect", "ConnectContext", "MustConnect", "MustOpen")
	s.add("gorm.io/gorm", "", "Open")
	s.add("github.com/jinzhu/gorm", "", "Open")
	s.add("github.com/jackc/pgx/v5", "", "Connect", "ConnectConfig")
	s.add("github.com/jackc/pgx/v5/pgxpool", "", "New", "NewWithConfig")
	s.add("github.com/jackc/pgx/v4", "", "Connect", "ConnectConfig")
	s.add("github.com/jackc/pgx/v4/pgxpool", "", "Connect", "ConnectConfig")
	for pkg := range redisPackages {
		s.add(pkg, "", "NewClient", "NewClusterClient", "NewFailoverClient",
			"NewFailoverClusterClient", "NewRing", "NewUniversalClient", "NewSentinelClient")
	}
	s.add("google.golang.org/grpc", "", "Dial", "DialContext", "NewClient")
	s.add("go.mongodb.org/mongo-driver/mongo", "", "Connect", "NewClient")
	s.add("go.mongodb.org/mongo-driver/v2/mongo", "", "Connect")
	s.add("net/http", "*Transport", "Clone")

	// Clients of cloud and messaging SDKs that own connections. Each of
	// these builds its own http.Transport (or opens its own sockets) and
	// keeps it for the client's life. Not listed: Azure SDK clients
	// (azblob.NewClient...), whose pipelines all send through azcore's one
	// shared default HTTP client, and aws config.LoadDefaultConfig, whose
	// lazily built HTTP client is reported where a service client is made
	// from it (see awsServiceClient).
	s.add("github.com/minio/minio-go/v7", "", "New", "NewCore")
	// Cloud Storage: an HTTP transport (or gRPC connections) and a
	// credentials lookup of its own.
	s.add("cloud.google.com/go/storage", "", "NewClient", "NewGRPCClient")
	// A REST client that builds its own transport when given none.
	s.add("github.com/go-resty/resty/v2", "", "New", "NewWithLocalAddr")
	s.add("github.com/elastic/go-elasticsearch/v8", "", "NewClient", "NewDefaultClient", "NewTypedClient")
	s.add("github.com/segmentio/kafka-go", "", "NewWriter")
	s.add("github.com/IBM/sarama", "", "NewClient", "NewSyncProducer", "NewAsyncProducer",
		"NewConsumer", "NewConsumerGroup", "NewClusterAdmin")
	s.add("github.com/nats-io/nats.go", "", "Connect")
	s.add("github.com/nats-io/nats.go", "Options", "Connect")
	s.add("github.com/rabbitmq/amqp091-go", "", "Dial", "DialConfig", "DialTLS", "DialTLS_ExternalAuth")
	return s
}()

// poolLiterals are the pool types built with a composite literal or new.
var poolLiterals = []poolType{
	{"net/http", "Transport", "http.Transport", ConnPool},
	// A kafka-go Writer batches per partition in goroutines of its own:
	// one per request never fills a batch.
	{"github.com/segmentio/kafka-go", "Writer", "kafka.Writer", BatchWriter},
}

type poolType struct {
	pkg, name, what string
	kind            PoolKind
}

// awsServicePrefix is where the AWS SDK for Go v2 keeps one package per
// service (s3, dynamodb, sqs...), each with a Client built by New or
// NewFromConfig.
const awsServicePrefix = "github.com/aws/aws-sdk-go-v2/service/"

// awsServiceClient reports whether fn constructs an AWS SDK v2 service
// client: New or NewFromConfig of a service package, returning that
// package's *Client. Each resolves its own HTTP client: a fresh one for
// New without Options.HTTPClient, a copy with a transport of its own for
// NewFromConfig in every defaults mode but legacy; and each keeps its own
// endpoint, auth and (for S3) session-credential caches.
func awsServiceClient(fn *types.Func) bool {
	pkg := fn.Pkg()
	if pkg == nil || !strings.HasPrefix(pkg.Path(), awsServicePrefix) {
		return false
	}
	if fn.Name() != "New" && fn.Name() != "NewFromConfig" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || sig.Results().Len() != 1 {
		return false
	}
	return IsNamed(sig.Results().At(0).Type(), pkg.Path(), "Client")
}

// Pool describes a pool built at some node.
type Pool struct {
	Node ast.Node // the constructor call, composite literal or new(...)
	What string   // e.g. "sql.Open", "http.Transport"
	Kind PoolKind
}

// PoolKind tells pools whose cost or cure differs from a database pool's.
type PoolKind int

const (
	ConnPool    PoolKind = iota // dials, handshakes, keeps idle connections
	AWSClient                   // an AWS SDK v2 service client (see awsServiceClient)
	BatchWriter                 // a producer that batches in goroutines of its own
)

// PoolAt reports whether n builds a connection pool by itself: a call of a
// pool constructor, or an http.Transport (or a kafka-go Writer) made with a
// composite literal or new. An http.Client is not a pool: with no Transport of its own it shares
// http.DefaultTransport's connections, and a client given a fresh transport
// is reported at the transport.
func (c *Config) PoolAt(info *types.Info, n ast.Node) (Pool, bool) {
	switch n := n.(type) {
	case *ast.CallExpr:
		if fn := Callee(info, n); fn != nil {
			if poolConstructors[fn.FullName()] || c.Pools.Has(fn) {
				return Pool{n, ShortName(fn), ConnPool}, true
			}
			if awsServiceClient(fn) {
				return Pool{n, ShortName(fn), AWSClient}, true
			}
			return Pool{}, false
		}
		// new(http.Transport)
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				if l, ok := poolLiteral(info.TypeOf(n.Args[0])); ok {
					return Pool{n, l.what, l.kind}, true
				}
			}
		}
	case *ast.CompositeLit:
		if l, ok := poolLiteral(info.TypeOf(n)); ok && !keepsNoConnections(info, n) {
			return Pool{n, l.what, l.kind}, true
		}
	}
	return Pool{}, false
}

// keepsNoConnections reports whether lit is an http.Transport literal with
// DisableKeepAlives: true. It closes every connection after its request,
// so it holds no pool: building one per request costs the handshake each
// request would pay with it anyway (a checker that must not reuse
// connections).
func keepsNoConnections(info *types.Info, lit *ast.CompositeLit) bool {
	if !IsNamed(info.TypeOf(lit), "net/http", "Transport") {
		return false
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "DisableKeepAlives" {
			tv := info.Types[kv.Value]
			return tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
		}
	}
	return false
}

// poolLiteral reports whether t is a pool type built by a literal.
func poolLiteral(t types.Type) (poolType, bool) {
	if t == nil {
		return poolType{}, false
	}
	for _, l := range poolLiterals {
		if IsNamed(t, l.pkg, l.name) {
			return l, true
		}
	}
	return poolType{}, false
}

// PoolPackage reports whether fn belongs to a library whose pool
// constructors the table lists: for its functions the table is the whole
// truth, and what their bodies build is not (an AWS presign client calls
// its package's New but never dials; sarama's NewSyncProducer calls
// NewClient, and both are listed). So is the standard library's: its pools
// are the ones the table lists, and what else builds a transport inside it
// sends nowhere (httputil.DumpRequestOut writes the request to memory).
func PoolPackage(fn *types.Func) bool {
	path := pkgPath(fn)
	return poolPackages[path] || strings.HasPrefix(path, awsServicePrefix) || strings.HasPrefix(path, kubernetesClientPrefix) || Standard(path)
}

// kubernetesClientPrefix is where the Kubernetes client libraries build
// their clients: every one gets its transport from one cache keyed by the
// TLS and dial settings, so clients built again with the same settings
// share one pool. They build none of their own, as far as these tables
// tell.
const kubernetesClientPrefix = "k8s.io/client-go/"

// Standard reports whether path is a package of the standard library: its
// first element has no dot.
func Standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return path != "" && !strings.Contains(first, ".")
}

var poolPackages = func() map[string]bool {
	m := make(map[string]bool)
	for name := range poolConstructors {
		// (*pkg.T).M, (pkg.T).M or pkg.F: the path ends at the last dot
		// before the name (and before the type, for methods).
		name = strings.TrimPrefix(strings.TrimPrefix(name, "("), "*")
		if i := strings.Index(name, ")"); i >= 0 {
			name = name[:i]
		}
		if i := strings.LastIndex(name, "."); i >= 0 {
			m[name[:i]] = true
		}
	}
	return m
}()
