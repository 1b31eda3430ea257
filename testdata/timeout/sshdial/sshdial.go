// Package sshdial connects to hosts over SSH.
package sshdial

import (
	"net"
	"time"

	"golang.org/x/crypto/ssh"
)

func Run(addr, user string, auth ssh.AuthMethod) error {
	cfg := &ssh.ClientConfig{ // want `ssh.ClientConfig without Timeout used with ssh.Dial: connecting to an unreachable host blocks`
		User:            user,
		Auth:            []ssh.AuthMethod{auth},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	}
	client, err := ssh.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	return client.Close()
}

func Inline(addr string) error {
	client, err := ssh.Dial("tcp", addr, &ssh.ClientConfig{User: "deploy", HostKeyCallback: ssh.InsecureIgnoreHostKey()}) // want `ssh.ClientConfig without Timeout used with ssh.Dial`
	if err != nil {
		return err
	}
	return client.Close()
}

// Traps.

func WithTimeout(addr string) error {
	cfg := ssh.ClientConfig{User: "deploy", HostKeyCallback: ssh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}
	client, err := ssh.Dial("tcp", addr, &cfg)
	if err != nil {
		return err
	}
	return client.Close()
}

func SetAfter(addr string, slow bool) error {
	cfg := &ssh.ClientConfig{User: "deploy", HostKeyCallback: ssh.InsecureIgnoreHostKey()}
	cfg.Timeout = 5 * time.Second
	if slow {
		cfg.Timeout = time.Minute
	}
	client, err := ssh.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	return client.Close()
}

// Its own connection, dialed with a timeout and given a deadline: the
// configuration's Timeout is not used.
func OwnConn(addr string) error {
	cfg := &ssh.ClientConfig{User: "deploy", HostKeyCallback: ssh.InsecureIgnoreHostKey()}
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return err
	}
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	c, chans, reqs, err := ssh.NewClientConn(conn, addr, cfg)
	if err != nil {
		return err
	}
	return ssh.NewClient(c, chans, reqs).Close()
}
