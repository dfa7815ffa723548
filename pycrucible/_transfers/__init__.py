"""File transfers: streamed uploads (multipart and resumable) and verified, resumable downloads.

They take the connections to use as arguments and know nothing of the resources above them.
"""
