// Package service holds the business rules, over repository interfaces.
package service

import (
	"context"
	"sync"

	"example.com/layered/domain"
)

type orders struct {
	repo  domain.OrderRepository
	mu    sync.Mutex
	cache map[int64]*domain.Order
}

func New(repo domain.OrderRepository) domain.Orders {
	return &orders{repo: repo, cache: make(map[int64]*domain.Order)}
}

func (s *orders) Get(ctx context.Context, id int64) (*domain.Order, error) {
	return s.repo.ByID(ctx, id)
}

func (s *orders) All(ctx context.Context) ([]domain.Order, error) { return s.repo.All(ctx) }

func (s *orders) Page(ctx context.Context, after int64, limit int) ([]domain.Order, error) {
	return s.repo.Page(ctx, after, min(limit, 100))
}

// Cached reads through a cache: a round-trip only on a miss.
func (s *orders) Cached(ctx context.Context, id int64) (*domain.Order, error) {
	s.mu.Lock()
	o, ok := s.cache[id]
	s.mu.Unlock()
	if ok {
		return o, nil
	}
	return s.repo.ByID(ctx, id)
}
