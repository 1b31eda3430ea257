// Package mail sends mail through net/smtp.
package mail

import (
	"crypto/tls"
	"net"
	"net/smtp"
	"time"
)

const host = "mail.example.com"

// Positives.

func Notify(to []string, msg []byte) error {
	return smtp.SendMail(host+":587", nil, "noreply@example.com", to, msg) // want `smtp.SendMail has no timeout and takes none: .*smtp.NewClient\(conn, host\)`
}

func Session() error {
	c, err := smtp.Dial(host + ":25") // want `smtp.Dial has no timeout: it connects with net.Dial`
	if err != nil {
		return err
	}
	return c.Quit()
}

// A connect timeout bounds the dial only: the conversation has no deadline.
func ConnectTimeoutOnly() error {
	conn, err := net.DialTimeout("tcp", host+":25", 5*time.Second)
	if err != nil {
		return err
	}
	c, err := smtp.NewClient(conn, host) // want `smtp.NewClient over a connection with no deadline`
	if err != nil {
		return err
	}
	return c.Quit()
}

// A deadline on another connection does not bound this one.
func DeadlineOnOther(other net.Conn) error {
	_ = other.SetDeadline(time.Now().Add(time.Second))
	conn, err := (&net.Dialer{Timeout: time.Second}).Dial("tcp", host+":25")
	if err != nil {
		return err
	}
	c, err := smtp.NewClient(conn, host) // want `smtp.NewClient over a connection with no deadline`
	if err != nil {
		return err
	}
	return c.Quit()
}

// Negatives.

// The recommended form: a dialer with Timeout, a deadline on the
// connection, then NewClient.
func WithDeadline() error {
	d := net.Dialer{Timeout: 5 * time.Second}
	conn, err := d.Dial("tcp", host+":25")
	if err != nil {
		return err
	}
	if err := conn.SetDeadline(time.Now().Add(30 * time.Second)); err != nil {
		return err
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	return c.Quit()
}

// A TLS connection with a deadline (SetDeadline on *tls.Conn).
func TLSWithDeadline() error {
	d := &net.Dialer{Timeout: 5 * time.Second}
	conn, err := tls.DialWithDialer(d, "tcp", host+":465", &tls.Config{ServerName: host})
	if err != nil {
		return err
	}
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	return c.Quit()
}

// A connection handed in by the caller: whether it has a deadline is the
// caller's business.
func Over(conn net.Conn) (*smtp.Client, error) {
	return smtp.NewClient(conn, host)
}

// A look-alike: a method named SendMail on this package's type is not
// net/smtp's.
type mailer struct{}

func (mailer) SendMail(addr string, to []string, msg []byte) error { return nil }

func LookAlike(to []string, msg []byte) error {
	return mailer{}.SendMail(host, to, msg)
}
