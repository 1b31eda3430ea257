package fanout

import (
	"database/sql"
	"net/http"
)

type notifier struct{ db *sql.DB }

// Rows read on the request path all start their goroutine at once; a
// loop stepping over batches starts one per batch, a level lower.
func (n *notifier) Notify(w http.ResponseWriter, r *http.Request) {
	rows, err := n.db.QueryContext(r.Context(), "SELECT id FROM subscribers")
	if err != nil {
		return
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		go fetch(r.Context(), id) // want `go statement in a loop over a slice.*\[medium: the loop goes over the rows of a query; how many rows one request reads is not shown\]`
	}
	const batch = 50
	for i := 0; i < len(ids); i += batch {
		go fetchAll(ids[i:min(i+batch, len(ids))]) // want `go statement in a loop over a count set at run time.*\[low: .*one goroutine per batch`
	}
}

func fetchAll(ids []int) {}

// Rows grouped by a key: one goroutine per group, as many as distinct keys.
func (n *notifier) NotifyByTenant(w http.ResponseWriter, r *http.Request) {
	for _, ids := range n.subscribersByTenant(r) {
		go fetchAll(ids) // want `go statement in a loop over a map.*\[medium: the loop goes over groups of the rows of a query`
	}
}

func (n *notifier) subscribersByTenant(r *http.Request) map[string][]int {
	rows, err := n.db.QueryContext(r.Context(), "SELECT tenant, id FROM subscribers")
	if err != nil {
		return nil
	}
	defer rows.Close()
	byTenant := make(map[string][]int)
	for rows.Next() {
		var tenant string
		var id int
		_ = rows.Scan(&tenant, &id)
		byTenant[tenant] = append(byTenant[tenant], id)
	}
	return byTenant
}
