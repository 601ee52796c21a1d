"""Starting the assistant's servers: `make run` under supervisord (supervisord.conf, with
the endpoints it writes in endpoints.py, the model server the Rasa server pulls its model
from in model_server.py, the Rasa server on the port supervisord holds in rasa_process.py,
the chat page and its /health in chat_page.py and health.py),
`make reload` (reload.py), the same behind nginx with TLS (tls.py, nginx-tls.conf,
supervisord-tls.conf), both servers on loopback for the tests and the bench (servers.py),
and several Rasa servers behind nginx with PostgreSQL and Redis (scaled.py); nginx
instances of their own in nginx.py. On Kubernetes: the image (Containerfile) and the values
for Rasa's Helm chart (helm/)."""
