package io.hypercast.ui.projects;

import io.hypercast.model.Project;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The left-hand projects list with New, Rename and Delete. Binds to {@link ProjectsViewModel}. */
public final class ProjectsView {
    private final ProjectsViewModel vm;
    private final VBox root = new VBox(8);

    public ProjectsView(ProjectsViewModel vm) {
        this.vm = vm;
        createView();
    }

    private void createView() {
        root.getStyleClass().add("sidebar");
        root.setPadding(new Insets(14, 10, 10, 10));
        Label heading = new Label("Projects");
        heading.getStyleClass().add("sidebar-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button add = new Button("+ New");
        add.setId("newProject");
        add.getStyleClass().add("small");
        add.setTooltip(new Tooltip("Create a project"));
        add.setOnAction(e -> vm.create());
        HBox top = new HBox(6, heading, grow, add);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ListView<Project> list = new ListView<>(vm.projects());
        list.setId("projectList");
        list.getStyleClass().add("project-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(lv -> new ListCell<>() {
            {
                setPrefWidth(0); // long titles end in an ellipsis instead of a horizontal scroll bar
            }

            @Override
            protected void updateItem(Project p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(p.title());
                    setTooltip(new Tooltip(p.title() + (p.description().isBlank() ? "" : "\n" + p.description())));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (vm.selectedProperty().get() == null || !vm.selectedProperty().get().id().equals(b.id()))) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                list.getSelectionModel().clearSelection();
            } else {
                vm.projects().stream().filter(p -> p.id().equals(b.id())).findFirst().ifPresent(p -> list.getSelectionModel().select(p));
            }
        });
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> vm.rename(list.getSelectionModel().getSelectedItem()));
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> vm.delete(list.getSelectionModel().getSelectedItem(), null));
        list.setContextMenu(new ContextMenu(rename, delete));

        Button renameButton = new Button("Rename");
        renameButton.setId("renameProject");
        renameButton.getStyleClass().add("small");
        renameButton.setOnAction(e -> vm.rename(list.getSelectionModel().getSelectedItem()));
        Button deleteButton = new Button("Delete");
        deleteButton.setId("deleteProject");
        deleteButton.getStyleClass().addAll("small", "danger");
        deleteButton.setOnAction(e -> vm.delete(list.getSelectionModel().getSelectedItem(), null));
        renameButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        HBox bottom = new HBox(6, renameButton, deleteButton);
        root.getChildren().addAll(top, list, bottom);
    }

    public VBox root() {
        return root;
    }
}
