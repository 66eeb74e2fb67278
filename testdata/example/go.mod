module example.com/chatbot

go 1.26.0
