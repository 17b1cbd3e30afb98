-- Owned by the chat work: chat history (filled in by that change).
CREATE TABLE IF NOT EXISTS chat_placeholder (id INT PRIMARY KEY);
