"""Extract a question-and-answer knowledge base from exported group chats."""
__version__ = "0.1.0"
