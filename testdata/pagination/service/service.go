package service // want package:"module"

// Package service sits between the handlers and the repository.

import (
	"context"

	"example.com/td/pagination/repo"
)

type Service struct{ r *repo.Repo }

// Catalog returns what the repository returns: every row.
func (s *Service) Catalog(ctx context.Context) ([]repo.Product, error) { // want Catalog:`query: \(\*repo.Repo\).All → \(\*sqlx.DB\).SelectContext; list: \(\*repo.Repo\).All → \(\*sqlx.DB\).SelectContext`
	return s.r.All(ctx)
}

// Featured filters every row in Go but still returns a list of them.
func (s *Service) Featured(ctx context.Context) ([]repo.Product, error) { // want Featured:`query: .*; list: \(\*repo.Repo\).All → \(\*sqlx.DB\).SelectContext`
	all, err := s.r.All(ctx)
	var out []repo.Product
	for _, p := range all {
		if p.Price > 100 {
			out = append(out, p)
		}
	}
	return out, err
}

// Total reads every row but returns a number: no list fact.
func (s *Service) Total(ctx context.Context) (int, error) { // want Total:`query: .*`
	all, err := s.r.All(ctx)
	return len(all), err
}

// Page passes a bound on.
func (s *Service) Page(ctx context.Context, after, limit int) ([]repo.Product, error) { // want Page:`query: .*`
	return s.r.Page(ctx, after, limit)
}

// Window slices the full list in Go: the handler passes limit and offset.
func (s *Service) Window(ctx context.Context, offset, limit int) ([]repo.Product, error) { // want Window:`query: .*; list: .*`
	all, err := s.r.All(ctx)
	if offset > len(all) {
		return nil, err
	}
	return all[offset:], err
}
