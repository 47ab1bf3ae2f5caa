from .factories import ProjectPageFactory


def test_index_renders(client, vitrine):
    ProjectPageFactory(parent=vitrine.vitrine_fr, title="Portail citoyen")
    response = client.get("/fr/vitrine/")
    assert response.status_code == 200
    assert "Portail citoyen" in response.content.decode()
