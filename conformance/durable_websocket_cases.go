package conformance

import (
	"fmt"

	"github.com/coder/websocket"
)

// durableWebSocketCases covers WebSockets served by a Durable Object: the
// Hibernation API in a chat room, what it refuses, and a WebSocket accepted
// the usual way, each passed back to the client through the object's stub.
var durableWebSocketCases = []Case{
	{Name: "durable_websocket_chat", Script: "workers/durable-chat.js", DurableObjects: chatObjects, Run: runChat},
	{Name: "durable_websocket_accept", Script: "workers/durable-chat.js", DurableObjects: chatObjects, Run: func(s *Session) {
		ws := s.Dial("/room/plain/echo", nil)
		if ws == nil {
			return
		}
		ws.SendText("through the stub")
		ws.Read()
		ws.Close(websocket.StatusNormalClosure, "done")
		s.WaitLog("echo close")
	}},
	differing(reportCase("durable_websocket_hibernation_misuse", "workers/durable-chat.js", chatObjects, "/room/misuse/misuse"),
		bundledSource("  |     } could not be cloned.")),
}

// chatObjects are the namespaces of workers/durable-chat.js.
var chatObjects = []DurableObject{{Binding: "ROOMS", ClassName: "ChatRoom"}}

// runChat has three users join a room, talk, use the room's commands, run
// into its rate limit and leave in three ways. Every broadcast is read by
// every user still there, so that each connection's transcript is in
// order.
func runChat(s *Session) {
	s.Fetch("GET", "/room/lobby/join?name=ann", nil, "")
	var users []*WS
	for _, name := range []string{"ann", "bob", "cy"} {
		s.Record("-- %s joins", name)
		ws := s.Dial("/room/lobby/join?name="+name, nil)
		if ws == nil {
			return
		}
		users = append(users, ws)
		for _, u := range users {
			u.Read()
		}
	}
	ann, bob, cy := users[0], users[1], users[2]
	s.Record("-- ann talks")
	ann.SendText("hello all")
	ann.Read()
	bob.Read()
	cy.Read()
	s.Record("-- commands")
	bob.SendText("/who")
	bob.Read()
	cy.SendText("/tags")
	cy.Read()
	ann.SendText("/me")
	ann.Read()
	bob.SendText("/auto-response-time")
	bob.Read()
	ann.SendText("ping")
	ann.Read()
	ann.SendText("/auto-response-time")
	ann.Read()
	ann.SendText("PING")
	for _, u := range users {
		u.Read()
	}
	ann.SendBinary([]byte{1, 2, 3})
	ann.Read()
	fetchReport(s, "/room/lobby/info")
	s.Record("-- cy sends too much")
	for i := 1; i <= 6; i++ {
		cy.SendText(fmt.Sprintf("spam %d", i))
		if i <= 5 {
			ann.Read()
			bob.Read()
		}
		cy.Read()
	}
	cy.SendText("/me")
	cy.Read()
	s.Record("-- bob closes, cy drops, ann is asked to leave")
	bob.Close(websocket.StatusNormalClosure, "bye")
	s.WaitLog("webSocketClose bob")
	ann.Read()
	cy.Read()
	cy.Drop()
	s.WaitLog("webSocketClose cy")
	ann.Read()
	ann.SendText("/leave")
	ann.Read()
	s.WaitLog("webSocketClose ann")
	fetchReport(s, "/room/lobby/info")
}
