import Foundation
import MissionJSON
import Testing

@testable import TrackingBackend

/// The time entry writer's exact bytes: Toggl v9's whole field set, in order, escaped, with
/// UTC times, the running-entry duration, tags that no longer exist left out (of `tags` and of
/// `tag_ids`, as a deleted tag leaves Toggl's entries) and nulls for the rest.
/// (The expected strings were produced by the `JSONValue` tree this writer replaced.)
@Suite struct TogglJSONTests {
    static func render(_ e: TimeEntry) -> String {
        var bytes: [UInt8] = []
        TogglJSON.writeEntry(e, tagNames: [5: "api", 2: "q\"uote"], into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static let running = TimeEntry(
        id: 42, workspaceID: 7, userID: 3, projectID: 11, taskID: nil, description: "Write \"docs\"\n", billable: true,
        start: 1_767_268_800, stop: nil, duronly: false, createdWith: "missionctl", tagIDs: [5, 9, 2], at: 1_767_268_805, deletedAt: nil)

    @Test func runningEntry() {
        #expect(
            Self.render(Self.running)
                == #"{"id":42,"workspace_id":7,"wid":7,"user_id":3,"uid":3,"project_id":11,"pid":11,"task_id":null,"tid":null,"description":"Write \"docs\"\n","billable":true,"start":"2026-01-01T12:00:00+00:00","stop":null,"duration":-1767268800,"duronly":false,"tags":["api","q\"uote"],"tag_ids":[5,2],"at":"2026-01-01T12:00:05+00:00","server_deleted_at":null,"created_with":"missionctl","permissions":null,"shared_with":null,"expense_ids":[],"client_name":null,"project_name":null,"project_color":null,"project_active":null,"project_billable":null,"task_name":null,"user_name":null,"user_avatar_url":null}"#
        )
    }

    @Test func stoppedDeletedEntryWithoutTags() throws {
        var e = Self.running
        e.stop = 1_767_272_400
        e.deletedAt = 1_767_272_500
        e.tagIDs = []
        let text = Self.render(e)
        #expect(
            text
                == #"{"id":42,"workspace_id":7,"wid":7,"user_id":3,"uid":3,"project_id":11,"pid":11,"task_id":null,"tid":null,"description":"Write \"docs\"\n","billable":true,"start":"2026-01-01T12:00:00+00:00","stop":"2026-01-01T13:00:00+00:00","duration":3600,"duronly":false,"tags":[],"tag_ids":[],"at":"2026-01-01T12:00:05+00:00","server_deleted_at":"2026-01-01T13:01:40+00:00","created_with":"missionctl","permissions":null,"shared_with":null,"expense_ids":[],"client_name":null,"project_name":null,"project_color":null,"project_active":null,"project_billable":null,"task_name":null,"user_name":null,"user_avatar_url":null}"#
        )
        // And it is JSON a standard parser reads back to the same values.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["description"] as? String == "Write \"docs\"\n")
        #expect(object.count == 31)  // Toggl v9's whole field set
    }

    /// Fields Toggl types as numbers are numbers, never null, so strict client models read the
    /// whole object (issue 29): `country_id`, a project's `rate`, an organization's `pricing_plan_id`.
    @Test func numberFieldsAreNumbers() throws {
        func object(_ value: JSONValue) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(value.utf8())) as? [String: Any])
        }
        let user = User(id: 3, email: "a@example.com", fullname: "A", timezone: "UTC", defaultWorkspaceID: 7, createdAt: 0, updatedAt: 0)
        let me = try object(TogglJSON.me(user, token: nil, accountID: "x"))
        let project = try object(TogglJSON.project(Project(id: 11, workspaceID: 7, name: "P", active: true, createdAt: 0)))
        let workspace = Workspace(id: 7, name: "W", createdAt: 0, updatedAt: 0)
        let organization = try object(TogglJSON.organization(Membership(workspace: workspace, role: "admin"), userCount: 1))
        for (name, value) in [("country_id", me["country_id"]), ("rate", project["rate"]), ("pricing_plan_id", organization["pricing_plan_id"])] {
            let number = try #require(value as? NSNumber, "\(name) is \(String(describing: value))")
            #expect(!number.isJSONBoolean && number.intValue == 0, "\(name)")
        }
    }
}
